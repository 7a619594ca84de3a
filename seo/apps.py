from django.apps import AppConfig
from django.db.models.signals import post_save


def _forget_clinic_contact(**kwargs):
    # The 500 page keeps a cached copy of the phone number; a changed number must show at once.
    from django.core.cache import cache

    from .templatetags.seo_tags import CLINIC_CONTACT_CACHE_KEY

    cache.delete(CLINIC_CONTACT_CACHE_KEY)


class SeoConfig(AppConfig):
    """What search engines read: meta tags, Open Graph, robots.txt, the sitemap, error pages."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "seo"
    verbose_name = "Search engines"

    def ready(self):
        post_save.connect(_forget_clinic_contact, sender="clinic.ClinicSettings", dispatch_uid="seo-clinic-contact")
