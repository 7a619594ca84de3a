from django.apps import AppConfig


class TreatmentsConfig(AppConfig):
    """Treatment pages, their blocks, practitioners and clinic details."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "treatments"
