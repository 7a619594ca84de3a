"""Which host an absolute link names: the Site and the request, or the front end that serves pages.

Never a default port: the admin's links come from ``WAGTAILADMIN_BASE_URL`` or the default Site,
pages' public URLs from their Site, or from ``CMS_FRONTEND_BASE_URL`` when a separate front end
serves them (docs/operations.md#hosts).
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from wagtail.models import Site


def frontend_url(url):
    """``url`` (a page's public URL) on the front end's host when ``CMS_FRONTEND_BASE_URL`` is set.

    Keeps the path, query and fragment; a relative URL is joined to the front end's base.
    Unset, or for an empty ``url``, returns ``url`` unchanged.
    """
    base = settings.CMS_FRONTEND_BASE_URL.rstrip("/")
    if not base or not url:
        return url
    parts = urlsplit(url)
    return base + urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))


def frontend_root(site_root_url):
    """The root (no trailing slash) pages' public URLs start with: the front end's, else the Site's."""
    return settings.CMS_FRONTEND_BASE_URL.rstrip("/") or (site_root_url or "")


def admin_base_url():
    """Where staff reach the admin, for links in emails: ``WAGTAILADMIN_BASE_URL``, else the default Site."""
    if settings.WAGTAILADMIN_BASE_URL:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""
