from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff sign-in: lockout after repeated failures and two-step verification for the admin."""

    name = "accounts"
    verbose_name = "Staff sign-in"
