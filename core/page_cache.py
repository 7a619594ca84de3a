"""Caching of rendered pages for anonymous visitors, trusted only while the database vouches for it.

What visitors read is the same for every anonymous visitor, so a page's HTML is kept in
Django's cache (Redis in production) with the tags of what it shows (``stamps.py``): the page,
its images, snippets, settings, linked pages, and for pages that list others, the set of pages.
A cached page is served only while none of those changed (one indexed query); a change makes
exactly the pages showing it stale.

``CachedPageMixin`` marks a page's response as shareable; ``PageCacheMiddleware`` stores
marked responses and answers later requests for the same URL before Wagtail's page view.
A page is only marked when Wagtail served it to a visitor who is not logged in and has no
session, so it passed Wagtail's privacy check without a login or a page password: it is public.
Shared pages carry ``ETag``, ``Last-Modified``, the tag header and ``Cache-Control`` with
``max-age=0`` (browsers revalidate) and ``s-maxage``/``stale-while-revalidate`` for CDNs.

Never cached: logged-in users (the admin bar), visitors with a session, anything but
GET/HEAD, responses other than a plain 200, responses that set their own Cache-Control or
cookies, and pages whose template asked for a CSRF token or a CSP nonce.

Setting: ``CMS_PAGE_CACHE_TIMEOUT`` (seconds, default 300 in ``cms/settings/base.py``; 0 turns it off).
"""

from functools import wraps

from django.conf import settings
from django.http import HttpResponseNotModified

from . import stamps
from .caching import (
    CACHEABLE_METHODS,
    cache_key,
    content_version,
    kept_headers,
    not_modified,
    shared_cache_headers,
    store_entry,
    valid_entry,
)

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
        if type(self).allowed_subpage_models():
            # A page that may have children may list them: a page published, moved or
            # unpublished anywhere may change it.
            stamps.add_tags([stamps.PAGES])
        return super().serve(request, *args, **kwargs)


class PageCacheMiddleware:
    """Serves and stores the pages ``CachedPageMixin`` marked as shareable.

    Only requests routed to Wagtail's page view look in the cache (the API, admin and search
    never do): a stored page is answered once the URL is resolved, before the view, with one
    query (are its stamps still current?).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "cms_page_cache_key", None)
        if key is not None and self._shareable(request, response):
            headers = kept_headers(response, KEPT_HEADERS)
            entry = store_entry(key, response, headers, request.cms_built_after, page_cache_timeout())
            if not_modified(request, entry.etag):
                response = HttpResponseNotModified()
            response = shared_cache_headers(response, entry, browser_max_age=0, hit=False)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.url_name != WAGTAIL_PAGE_VIEW or not _anonymous_read(request):
            return None
        key = cache_key(request, namespace="page")
        entry = valid_entry(key)
        if entry is not None:
            return shared_cache_headers(entry.response(request), entry, browser_max_age=0, hit=True)
        request.cms_page_cache_key = key
        # Read before the page is: whatever is rendered below is at least this fresh.
        request.cms_built_after = content_version()
        return None

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


def cached_public_view(tags=()):
    """Caches a view whose answer is the same for everyone (e.g. the sitemap) like a page.

    ``tags`` name what it shows beyond the objects it loads, e.g. ``stamps.PAGES`` for a view
    that lists pages: a page published, moved or unpublished anywhere rebuilds it.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in CACHEABLE_METHODS or page_cache_timeout() <= 0:
                return view(request, *args, **kwargs)
            key = cache_key(request, namespace="view")
            entry = valid_entry(key)
            if entry is not None:
                return shared_cache_headers(entry.response(request), entry, browser_max_age=0, hit=True)
            built_after = content_version()
            stamps.add_tags(tags)
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if response.status_code != 200 or response.has_header("Cache-Control") or response.cookies:
                return response
            entry = store_entry(key, response, kept_headers(response, KEPT_HEADERS), built_after, page_cache_timeout())
            if not_modified(request, entry.etag):
                response = HttpResponseNotModified()
            return shared_cache_headers(response, entry, browser_max_age=0, hit=False)

        return wrapped

    return decorator
