"""``page.body|shown_sections``: the sections of a treatment body a visitor sees today."""

from django import template

from treatments.blocks import shown_sections as sections_shown_today

register = template.Library()


@register.filter
def shown_sections(stream_value):
    """The body's sections, less those that withhold themselves (a pair whose authorization lapsed)."""
    return sections_shown_today(stream_value)
