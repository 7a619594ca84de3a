"""``{% picture image %}``: an image as ``<picture>`` with AVIF/WebP sources and a ``srcset``.

The sizes are the fixed set of ``core.renditions`` (one aspect ratio per tag), the same files
the API offers. Usage::

    {% load picture_tags %}
    {% picture page.hero_image aspect_ratio="16:9" sizes="100vw" class="hero" loading="eager" %}

``sizes`` says how wide the picture is shown (default ``100vw``); ``loading`` is ``lazy`` unless
told otherwise (``eager`` for the first picture of a page). Nothing is rendered for no image.
"""

from django import template
from django.template import TemplateSyntaxError

from core.renditions import ASPECT_RATIOS, srcset

register = template.Library()

# The fallback <img src> is the largest original-format size up to this width.
FALLBACK_WIDTH = 800


def picture_context(image, aspect_ratio="original", sizes="100vw", css_class="", loading="lazy"):
    """What ``includes/picture.html`` needs to show ``image``; None when there is nothing to show."""
    if aspect_ratio not in ASPECT_RATIOS:
        raise TemplateSyntaxError(f"picture: aspect_ratio must be one of {', '.join(ASPECT_RATIOS)}")
    candidates = srcset(image, aspect_ratios=[aspect_ratio]) if image is not None else []
    if not candidates:
        return None
    by_format = {}
    for candidate in candidates:
        by_format.setdefault(candidate["format"], []).append(candidate)
    # core.renditions lists the modern formats first and the original's last.
    *modern, fallback_format = by_format
    fallback = by_format[fallback_format]
    img = max((c for c in fallback if c["width"] <= FALLBACK_WIDTH), key=lambda c: c["width"], default=fallback[0])
    return {
        "sources": [{"type": f"image/{fmt}", "srcset": _srcset(by_format[fmt])} for fmt in modern],
        "img": {**img, "srcset": _srcset(fallback)},
        "alt": image.default_alt_text,
        "sizes": sizes,
        "class": css_class,
        "loading": loading,
    }


def _srcset(candidates):
    return ", ".join(f"{c['url']} {c['width']}w" for c in candidates)


@register.inclusion_tag("includes/picture.html")
def picture(image, aspect_ratio="original", sizes="100vw", loading="lazy", **attributes):
    """Render ``image`` as a responsive ``<picture>`` (see the module docstring)."""
    return {"picture": picture_context(image, aspect_ratio, sizes, attributes.get("class", ""), loading)}
