from django.apps import AppConfig


class ClinicConfig(AppConfig):
    """The clinic itself: its contact details (a site setting) and its practitioners (a snippet)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "clinic"
