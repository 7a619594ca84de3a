from django.apps import AppConfig


class PhotosConfig(AppConfig):
    """Patients' authorizations to publish their before-and-after photos."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "photos"
    verbose_name = "Photo authorizations"
