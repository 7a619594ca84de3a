"""Template tag embedding a page's JSON-LD document."""

from django import template

from treatments.structured_data import json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def page_json_ld(context, page):
    """``<script type="application/ld+json">`` with ``page.structured_data()``, safely escaped."""
    return json_ld_script(page.structured_data(context.get("request")))
