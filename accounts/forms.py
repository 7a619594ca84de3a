"""The one-field forms of two-step verification: a code from the app, or a recovery code."""

import math
import re

from django import forms
from django.utils import timezone
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

WRONG_CODE = "That code is not right. Type the newest code from the app (check that the phone's clock is right)."
TOO_MANY = "Too many wrong codes. Wait {wait}, then try again with a new code."


def _clean(value):
    # People copy codes with spaces or dashes ("123 456", "abcd-efgh").
    return re.sub(r"[\s-]", "", value or "").lower()


def _throttle_error(devices):
    """The wait message when every device that could check the code is still throttled."""
    waits = []
    for device in devices:
        allowed, details = device.verify_is_allowed()
        if allowed:
            return None
        until = (details or {}).get("locked_until")
        waits.append(max(1, math.ceil((until - timezone.now()).total_seconds())) if until else 60)
    if not waits:
        return None
    seconds = min(waits)
    return TOO_MANY.format(wait="1 second" if seconds == 1 else f"{seconds} seconds")


class ConfirmAppForm(forms.Form):
    """Set-up: the first code the new authenticator app shows proves it has the key."""

    code = forms.CharField(
        label="Six-digit code from the app",
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = _clean(self.cleaned_data["code"])
        error = _throttle_error([self.device])
        if error:
            raise forms.ValidationError(error)
        if not re.fullmatch(r"\d{6}", code) or not self.device.verify_token(code):
            raise forms.ValidationError(WRONG_CODE)
        return code


class VerifyForm(forms.Form):
    """Sign-in's second step: the app's current code, or one of the recovery codes (each works once)."""

    code = forms.CharField(
        label="Code from your authenticator app, or a recovery code",
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        code = _clean(self.cleaned_data["code"])
        # Six digits come from the app; anything else can only be a recovery code.
        model = TOTPDevice if re.fullmatch(r"\d{6}", code) else StaticDevice
        devices = list(model.objects.devices_for_user(self.user, confirmed=True))
        error = _throttle_error(devices)
        if error:
            raise forms.ValidationError(error)
        for device in devices:
            # Checked device by device, inside a transaction, as django-otp recommends.
            self.device = verify_token(self.user, device.persistent_id, code)
            if self.device:
                return code
        raise forms.ValidationError(WRONG_CODE)
