from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    """Consultation requests: intake from the site and the API, the staff inbox, retention."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "consultations"
    verbose_name = "consultation requests"

    def ready(self):
        # Registers the deployment check (Django's documented place for it).
        from . import checks  # noqa: F401
