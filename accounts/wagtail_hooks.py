"""Admin URLs of two-step verification, its audit log actions, and its entry on the account page."""

from django.urls import path, reverse
from django_otp import user_has_device
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_two_step_urls():
    return [
        path("two-step/setup/", views.SetupView.as_view(), name="accounts_two_step_setup"),
        path("two-step/recovery-codes/", views.RecoveryCodesView.as_view(), name="accounts_two_step_recovery_codes"),
        path("two-step/verify/", views.VerifyView.as_view(), name="accounts_two_step_verify"),
    ]


@hooks.register("register_log_actions")
def register_two_step_log_actions(actions):
    actions.register_action(views.ENROLLED_ACTION, "Set up two-step verification", "Two-step verification set up")
    actions.register_action(views.RESET_ACTION, "Reset two-step verification", "Two-step verification reset")


@hooks.register("register_account_menu_item")
def two_step_account_item(request):
    """Staff for whom it is optional can turn two-step verification on from their account page."""
    if user_has_device(request.user):
        return None
    return {
        "url": reverse("accounts_two_step_setup"),
        "label": "Set up two-step verification",
        "help_text": "Ask for a code from an authenticator app on your phone at every sign-in.",
    }
