from django.apps import AppConfig


class ProductsConfig(AppConfig):
    """The products a clinic uses (e.g. BOTOX) and their Important Safety Information."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "products"
