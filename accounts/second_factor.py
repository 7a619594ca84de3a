"""Who needs two-step verification, and a user's authenticator app and recovery codes (django-otp)."""

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10


def is_required_for(user):
    """Superusers and anyone who can open consultation requests must use a second factor."""
    if not settings.CMS_REQUIRE_2FA or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(user.has_perm(permission) for permission in settings.CMS_2FA_REQUIRED_PERMISSIONS)


def must_verify(user):
    """True for a signed-in user whose session has not yet given the second factor it needs."""
    if not settings.CMS_REQUIRE_2FA or not user.is_authenticated or user.is_verified():
        return False
    return is_required_for(user) or user_has_device(user, confirmed=True)


def pending_app(user):
    """The authenticator app being set up: the same key on every visit, so a scanned code keeps working."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


@transaction.atomic
def confirm_app(device):
    """Mark the app as set up and issue fresh recovery codes; returns the codes (shown once)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=device.user).delete()
    recovery = StaticDevice.objects.create(user=device.user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_all(user):
    """Forget every device of the user (a lost phone); returns how many there were."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    return len(devices)
