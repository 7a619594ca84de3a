"""Set-up of the authenticator app, the recovery codes (shown once), and the code asked at sign-in."""

from base64 import b32encode
from urllib.parse import urlencode

import django_otp
import segno
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.generic import FormView, TemplateView
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.log_actions import log

from . import second_factor
from .forms import ConfirmAppForm, VerifyForm

ENROLLED_ACTION = "accounts.two_step_enrolled"
RESET_ACTION = "accounts.two_step_reset"
# Recovery codes wait here between the set-up form and the page that shows them, then are gone.
SESSION_CODES = "accounts_recovery_codes"


def next_url(request):
    """Where to go once verified: the page first asked for, if it is on this site; else the dashboard."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def with_next(url, request):
    return f"{url}?{urlencode({'next': next_url(request)})}"


class NextMixin:
    def get_context_data(self, **kwargs):
        return super().get_context_data(next=next_url(self.request), **kwargs)


class SetupView(NextMixin, FormView):
    """QR code and key of a new authenticator app, confirmed by its first code."""

    template_name = "accounts/two_step_setup.html"
    form_class = ConfirmAppForm

    def dispatch(self, request, *args, **kwargs):
        if user_has_device(request.user):
            # Replacing an app is a manager's job (`reset_second_factor`), never a half-signed-in session's.
            return redirect(next_url(request) if request.user.is_verified() else reverse("accounts_two_step_verify"))
        self.device = second_factor.pending_app(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        key = b32encode(self.device.bin_key).decode()
        qr = segno.make(self.device.config_url, error="m")
        return super().get_context_data(
            # segno writes the SVG from the key alone: nothing user-typed reaches this markup.
            qr_svg=mark_safe(qr.svg_inline(scale=5, title="QR code of your sign-in key", omitsize=False)),
            key_groups=[key[i : i + 4] for i in range(0, len(key), 4)],
            required=second_factor.is_required_for(self.request.user),
            **kwargs,
        )

    def form_valid(self, form):
        codes = second_factor.confirm_app(self.device)
        django_otp.login(self.request, self.device)
        # The device's user, not request.user: the audit log needs the model instance, not a lazy wrapper.
        log(self.device.user, ENROLLED_ACTION, user=self.device.user)
        self.request.session[SESSION_CODES] = codes
        return redirect(with_next(reverse("accounts_two_step_recovery_codes"), self.request))


class RecoveryCodesView(NextMixin, TemplateView):
    """The ten recovery codes, shown once right after set-up."""

    template_name = "accounts/two_step_recovery_codes.html"

    def get(self, request, *args, **kwargs):
        codes = request.session.pop(SESSION_CODES, None)
        if not codes:
            return redirect(next_url(request))
        response = super().get(request, *args, codes=codes, **kwargs)
        # Never kept by the browser or a proxy: the page is the codes' only copy on screen.
        response["Cache-Control"] = "no-store"
        return response


class VerifyView(NextMixin, FormView):
    """The second step of signing in: a code from the app or a recovery code."""

    template_name = "accounts/two_step_verify.html"
    form_class = VerifyForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified():
            return redirect(next_url(request))
        if not user_has_device(request.user):
            return redirect(with_next(reverse("accounts_two_step_setup"), request))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        django_otp.login(self.request, form.device)
        if isinstance(form.device, StaticDevice):
            left = second_factor.recovery_codes_left(self.request.user)
            messages.warning(
                self.request,
                f"You signed in with a recovery code; {left} left. If your phone is lost, "
                "ask a clinic manager to reset your two-step verification.",
            )
        return redirect(next_url(self.request))
