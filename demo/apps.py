from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo clinic (the Portland BOTOX page, word for word) and ``load_demo_content``."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Demo content"
