"""``page.body|shown_sections``: the sections of a treatment body a visitor sees today, and
``block|nav_text``: a section's entry in the page's "On this page" navigation."""

from django import template

from treatments.blocks import shown_sections as sections_shown_today

register = template.Library()


@register.filter
def shown_sections(stream_value):
    """The body's sections, less those that withhold themselves (a pair whose authorization lapsed)."""
    return sections_shown_today(stream_value)


@register.filter
def nav_text(bound_block):
    """The section's "On this page" entry; empty leaves it out of the navigation (a testimonial)."""
    return bound_block.block.nav_text(bound_block.value)
