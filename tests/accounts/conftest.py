"""Staff sign-in with the lockout and two-step verification switched on (the suite's settings turn them off)."""

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp

PASSWORD = "correct-horse-9"
LOGIN = "/admin/login/"
INBOX = "/admin/consultations/consultationrequest/"
SETUP = "/admin/two-step/setup/"
VERIFY = "/admin/two-step/verify/"
CODES = "/admin/two-step/recovery-codes/"


@pytest.fixture(autouse=True)
def sign_in_protection(settings):
    """What production runs: django-axes and required two-step verification."""
    settings.AXES_ENABLED = True
    settings.CMS_REQUIRE_2FA = True
    settings.AXES_FAILURE_LIMIT = 5
    return settings


def _user(django_user_model, username, *groups, **fields):
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@clinic.example", **fields
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(username="boss", password=PASSWORD, email="boss@clinic.example")


@pytest.fixture
def staff_user(db, django_user_model):
    """A receptionist in the "Clinic staff" group (consultations migration 0002): must use two steps."""
    return _user(django_user_model, "reception", "Clinic staff")


@pytest.fixture
def editor_user(db, django_user_model):
    """A page editor in Wagtail's "Editors" group: two steps optional."""
    return _user(django_user_model, "writer", "Editors")


def sign_in(client, username, password=PASSWORD, **extra):
    """POST the real Wagtail sign-in form."""
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def current_code(device):
    """The code an authenticator app shows right now for the device's key."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"
