from django.apps import AppConfig


class TreatmentsConfig(AppConfig):
    """Treatment pages, their blocks, practitioners and clinic details."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "treatments"

    def ready(self):
        # Assigns the Medical review workflow to new /treatments/ index pages.
        from . import workflow  # noqa: F401
