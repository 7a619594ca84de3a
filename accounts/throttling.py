"""Sign-in and password reset lockout (django-axes): the client address, the lockout page, the reset view.

Axes counts failed sign-ins per username and per client address (settings ``AXES_*``). Password reset
requests count too, so a locked-out client cannot turn to the reset form to flood a mailbox.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_credentials, get_lockout_response
from django.shortcuts import render
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.views.account import PasswordResetView

from consultations.ratelimit import client_address


def client_ip(request):
    """The client address for axes: the one the consultation rate limit uses (trusted proxies, IPv6 /64)."""
    address = client_address(None, request)
    # Axes stores addresses in an IP field: an unreadable one is stored as "no address".
    return None if address == "unknown" else address


def cool_off_minutes(request=None):
    """How long a lockout lasts, in whole minutes (at least one)."""
    cool_off = get_cool_off(request)
    return max(1, round(cool_off.total_seconds() / 60)) if cool_off else None


def lockout_message(minutes):
    if minutes is None:
        return "Too many failed attempts. Ask a clinic manager to unlock your account."
    unit = "minute" if minutes == 1 else "minutes"
    return f"Too many failed attempts. Try again in {minutes} {unit} or ask a clinic manager to unlock your account."


def locked_out(request, original_response=None, credentials=None):
    """The admin sign-in page with the lockout message (AXES_LOCKOUT_CALLABLE), status 429 and Retry-After."""
    minutes = cool_off_minutes(request)
    context = {"form": LoginForm(request=request), "lockout_message": lockout_message(minutes)}
    response = render(request, "accounts/locked_out.html", context, status=429)
    if minutes is not None:
        response["Retry-After"] = str(minutes * 60)
    return response


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset form; each request counts against the address and the e-mail address."""

    def post(self, request, *args, **kwargs):
        # Wagtail finds users by e-mail address ignoring case: so does the count.
        credentials = get_credentials(request.POST.get("email", "").strip().lower())
        # Recorded as axes records a failed sign-in, so `axes_list_attempts` and the unlock commands cover it.
        AxesProxyHandler.user_login_failed(sender=type(self), credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            return get_lockout_response(request, None, credentials)
        return super().post(request, *args, **kwargs)
