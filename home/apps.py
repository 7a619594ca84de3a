from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page app."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
