"""Title, description, canonical URL and Open Graph image of a Wagtail page, from its own fields."""

from django.utils.text import Truncator

from core.hosts import frontend_url
from core.visibility import public_or_none

DESCRIPTION_MAX_CHARS = 300
OG_IMAGE_SPEC = "fill-1200x630"


def description(page):
    """The editor's search description, else the page's summary or intro (plain text)."""
    if page.search_description:
        text = page.search_description
    else:
        text = getattr(page, "summary", "") or getattr(page, "intro", "") or ""
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_MAX_CHARS)


def page_meta(page, request=None):
    """Everything the ``<head>`` says about ``page``; URLs are absolute, from the page's Site.

    The canonical URL names the front end when one serves the pages (``CMS_FRONTEND_BASE_URL``);
    the image stays on this host, which serves it.
    """
    parts = page.get_url_parts(request)
    root_url = parts[1] if parts and parts[1] else ""
    canonical = frontend_url(f"{root_url}{parts[2]}") if root_url and parts[2] is not None else ""
    meta = {
        "title": page.seo_title or page.title,
        "description": description(page),
        "canonical": canonical,
        "og_type": "article" if hasattr(page, "body") else "website",
        "og_image": None,
    }
    # Never an image from a private collection (core.visibility).
    image = public_or_none(getattr(page, "hero_image", None))
    if image is not None:
        rendition = image.get_rendition(OG_IMAGE_SPEC)
        url = rendition.url
        meta["og_image"] = {
            "url": url if url.startswith(("http://", "https://")) else f"{root_url}{url}",
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.default_alt_text,
        }
    return meta
