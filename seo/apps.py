from django.apps import AppConfig


class SeoConfig(AppConfig):
    """What search engines read: meta tags, Open Graph, robots.txt, the sitemap, error pages."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "seo"
    verbose_name = "Search engines"

    def ready(self):
        from core.signals import content_changed

        from .templatetags.seo_tags import forget_clinic_contact

        content_changed.connect(forget_clinic_contact, dispatch_uid="seo-clinic-contact")
