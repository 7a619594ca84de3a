from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The site search page."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
