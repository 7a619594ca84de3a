"""Template tags for the ``<head>`` of every page and for error pages without a database."""

from django import template
from django.core.cache import cache
from django.db import DatabaseError

from clinic.models import ClinicSettings
from seo import meta

register = template.Library()

CLINIC_CONTACT_CACHE_KEY = "seo:clinic-contact"
CLINIC_CONTACT_SECONDS = 3600


@register.simple_tag(takes_context=True)
def page_meta(context, page):
    """Title, description, canonical URL and Open Graph data of ``page``."""
    return meta.page_meta(page, context.get("request"))


@register.simple_tag
def clinic_contact():
    """The clinic's name and phone for the 500 page, from the cache, never failing without a database."""
    contact = cache.get(CLINIC_CONTACT_CACHE_KEY)
    if contact is not None:
        return contact
    try:
        clinic = ClinicSettings.objects.order_by("pk").first()
    except (DatabaseError, RuntimeError):
        # RuntimeError: database access refused (tests); DatabaseError: the database is gone.
        return {}
    contact = {"name": clinic.name, "phone": clinic.phone, "phone_href": clinic.phone_href} if clinic else {}
    cache.set(CLINIC_CONTACT_CACHE_KEY, contact, CLINIC_CONTACT_SECONDS)
    return contact


def forget_clinic_contact(sender, kind, **kwargs):
    """On any site setting change (``content_changed``): the 500 page must show a changed phone at once."""
    if kind == "setting":
        cache.delete(CLINIC_CONTACT_CACHE_KEY)
