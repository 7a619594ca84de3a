from django.apps import AppConfig


class TreatmentsConfig(AppConfig):
    """Treatment pages, their blocks, practitioners and clinic details."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "treatments"

    def ready(self):
        # workflow: assigns the Medical review workflow to new /treatments/ index pages;
        # photo_review: pages showing a withdrawn photo authorization go back to Medical review.
        from . import photo_review, workflow  # noqa: F401
