from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    """Moving treatments between sites: ``export_treatments`` and ``import_treatments``."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "portability"
    verbose_name = "Treatment import and export"
