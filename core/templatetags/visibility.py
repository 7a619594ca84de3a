"""``{% load visibility %}``: ``{% if page.hero_image|public %}`` shows only what the public may see."""

from django import template

from core.visibility import public_or_none

register = template.Library()


@register.filter
def public(obj):
    """``obj`` if a public page may show it (``core.visibility``), else None."""
    return public_or_none(obj)
