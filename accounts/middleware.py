"""Two-step verification before any admin page and any private document (after django-otp's middleware)."""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.deprecation import MiddlewareMixin
from django_otp import user_has_device

from .second_factor import must_verify

# Admin URLs a half-signed-in user still needs: signing in and out, password reset, the sign-in
# page's icons and translations, and the set-up and verification pages themselves.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "accounts_two_step_setup",
    "accounts_two_step_recovery_codes",
    "accounts_two_step_verify",
}
# Outside the admin, files of private document collections open for a signed-in user: the sign-in
# must be complete there too.
GUARDED_URL_NAMES = {"wagtaildocs_serve", "wagtaildocs_authenticate_with_password"}


class SecondFactorMiddleware(MiddlewareMixin):
    """Sends a signed-in user who owes a second factor to its set-up page or to the code page."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match.url_name in OPEN_URL_NAMES or not self.is_guarded(request, match):
            return None
        # Only guarded paths read the session: public pages and the API stay cookie-blind.
        if not must_verify(request.user):
            return None
        name = "accounts_two_step_verify" if user_has_device(request.user) else "accounts_two_step_setup"
        next_url = request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
        return HttpResponseRedirect(f"{reverse(name)}?{urlencode({'next': next_url})}")

    @staticmethod
    def is_guarded(request, match):
        return request.path_info.startswith(reverse("wagtailadmin_home")) or match.url_name in GUARDED_URL_NAMES
