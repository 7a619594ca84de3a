"""Caching of rendered pages for anonymous visitors, invalidated with the API's content version.

What visitors read is the same for every anonymous visitor, so a page's HTML is kept in
Django's cache (Redis in production) under the same global content version as the API
responses (``caching.py``): publishing, unpublishing, moving or deleting a page, or saving an
image, snippet or setting, makes every cached page stale at once.

``CachedPageMixin`` marks a page's response as shareable; ``PageCacheMiddleware`` stores
marked responses and answers later requests for the same URL before Wagtail's page view (and
so before any query).
A page is only marked when Wagtail served it to a visitor who is not logged in and has no
session, so it passed Wagtail's privacy check without a login or a page password: it is public.

Never cached: logged-in users (the admin bar), visitors with a session, anything but
GET/HEAD, responses other than a plain 200, responses that set their own Cache-Control or
cookies, and pages whose template asked for a CSRF token.

Setting: ``CMS_PAGE_CACHE_TIMEOUT`` (seconds, default 300 in ``cms/settings/base.py``; 0 turns it off).
"""

import functools

from django.conf import settings
from django.core.cache import cache

from .caching import CACHEABLE_METHODS, cache_key, content_version, kept_headers, rebuilt_response

KEPT_HEADERS = ("Content-Type", "Content-Language")
# The URL name of Wagtail's page-serving view (wagtail.urls).
WAGTAIL_PAGE_VIEW = "wagtail_serve"


def page_cache_timeout():
    return settings.CMS_PAGE_CACHE_TIMEOUT


def _anonymous_read(request):
    if request.method not in CACHEABLE_METHODS or page_cache_timeout() <= 0:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return not request.user.is_authenticated


class CachedPageMixin:
    """For page models whose rendered HTML is the same for every anonymous visitor."""

    def serve(self, request, *args, **kwargs):
        request.cms_shareable_page = _anonymous_read(request)
        return super().serve(request, *args, **kwargs)


def cached_for_visitors(view):
    """Cache a non-page view's response for anonymous visitors like a page (e.g. /search/).

    For views whose response depends only on the URL (query string included) and the content.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.cms_shareable_page = _anonymous_read(request)
        return view(request, *args, **kwargs)

    wrapper.cms_page_cache = True
    return wrapper


class PageCacheMiddleware:
    """Serves and stores the pages ``CachedPageMixin`` marked as shareable.

    Only requests routed to Wagtail's page view or a ``cached_for_visitors`` view (the site
    search) look in the cache (the API and admin never do): a stored page is answered once the
    URL is resolved, before the view and so before any query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "cms_page_cache_key", None)
        if key is not None and self._shareable(request, response):
            cache.set(key, (response.content, kept_headers(response, KEPT_HEADERS)), page_cache_timeout())
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        routed = request.resolver_match.url_name == WAGTAIL_PAGE_VIEW or getattr(view_func, "cms_page_cache", False)
        if not routed or not _anonymous_read(request):
            return None
        key = request.cms_page_cache_key = cache_key(request, content_version(), namespace="page")
        entry = cache.get(key)
        return rebuilt_response(*entry) if entry is not None else None

    @staticmethod
    def _shareable(request, response):
        return (
            getattr(request, "cms_shareable_page", False)
            and response.status_code == 200
            and not response.streaming
            and not response.has_header("Cache-Control")
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        )
