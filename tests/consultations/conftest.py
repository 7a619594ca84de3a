"""Fixtures for consultation requests: a clinic that wants email, valid payloads, staff and editors."""

import json

import pytest
from django.contrib.auth.models import Group

API = "/api/v2/consultations/"
FORM = "/consultation/"


@pytest.fixture
def clinic(demo):
    """The demo clinic's details, with a private address for new requests."""
    from clinic.models import ClinicSettings

    settings_ = ClinicSettings.objects.get()
    settings_.notification_email = "frontdesk@clinic.example"
    settings_.save()
    return settings_


@pytest.fixture
def payload(demo):
    """A complete, valid JSON request about the BOTOX page."""
    return {
        "name": "Jane Doe",
        "email": "jane@example.com",
        "phone": "503-555-0100",
        "treatment": demo.pk,
        "preferred_time": "morning",
        "message": "I would like to ask about forehead lines.",
        "consent": True,
    }


@pytest.fixture
def post_json(client):
    """POST a Python value as JSON to the consultations endpoint."""

    def _post(data, **extra):
        return client.post(API, data=json.dumps(data), content_type="application/json", **extra)

    return _post


@pytest.fixture
def form_data(demo):
    """What a visitor's browser sends from the site form."""
    return {
        "name": "Jane Doe",
        "email": "jane@example.com",
        "phone": "",
        "treatment": str(demo.pk),
        "preferred_time": "evening",
        "message": "Is it painful?",
        "consent": "on",
        "website": "",
        "came_from": "/treatments/botox/",
    }


def _user(django_user_model, username, *groups, **fields):
    user = django_user_model.objects.create_user(username=username, password="correct-horse-9", **fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def staff_user(db, django_user_model):
    """A receptionist in the "Clinic staff" group created by the migration."""
    return _user(django_user_model, "reception", "Clinic staff")


@pytest.fixture
def editor_user(db, django_user_model):
    """A page editor in Wagtail's own "Editors" group."""
    return _user(django_user_model, "writer", "Editors")


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(username="boss", password="correct-horse-9")
