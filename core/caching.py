"""Caching of public GET responses: ETag, CDN headers, 304s and a shared cache the database vouches for.

Every cached answer (API here, HTML pages in ``page_cache.py``) is stored with the tags of the
objects it shows and the change sequence number it was built after (``stamps.py``). It is served
only while the database says none of those objects changed since: one indexed query per cached
answer, and a change invalidates exactly the answers that show what changed. Lookups nearly every
request needs (the view restrictions, the clinic details, a page's parent) are ``remembered``
under the sequence number this request read from the database.

Settings (their defaults live in ``cms/settings/base.py``):

- ``CMS_API_CACHE_MAX_AGE`` (seconds, default 60): ``max-age`` for browsers.
- ``CMS_CACHE_S_MAXAGE`` / ``CMS_CACHE_STALE_WHILE_REVALIDATE`` (seconds): ``s-maxage`` and
  ``stale-while-revalidate`` for shared caches (CDNs), which are purged by tag on change.
- ``CMS_CACHE_TAG_HEADER`` (default ``Cache-Tag``): the header naming a response's tags
  (``Surrogate-Key`` for Fastly, for instance); empty turns it off.
- ``CMS_API_CACHE_TIMEOUT`` (seconds, default 600; 0 turns the server-side cache off).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_etags

from . import stamps

CACHEABLE_METHODS = ("GET", "HEAD")
# Headers a cached response carries back to the client.
KEPT_HEADERS = ("Content-Type", "Allow", "Vary")
# Says whether a response came from the server-side cache (``hit``) or was built (``miss``).
CACHE_STATUS_HEADER = "X-CMS-Cache"


def max_age():
    return settings.CMS_API_CACHE_MAX_AGE


def timeout():
    return settings.CMS_API_CACHE_TIMEOUT


def content_version():
    """The change sequence number this request reads content after (from the database, once)."""
    return stamps.current_version()


# Entries of older sequence numbers are never read again; let them go within a day.
REMEMBER_TIMEOUT = 24 * 60 * 60
_MISSING = object()


def remembered(name, compute, *, remember_none=True):
    """``compute()``, kept in the cache under ``name`` and this request's sequence number.

    For what nearly never changes but every request reads (the view restrictions, the settings,
    a page's parent): one cache read instead of queries. The key holds the number read from the
    database before anything was computed, so any value stored under it is at least that fresh,
    and a lost or old cache entry costs a query, never a stale answer. The tags of what
    ``compute`` loaded are kept with the value and count as shown by whoever uses it.
    ``remember_none=False`` for names a client picks (e.g. an id in a URL): misses are not
    stored, so nobody can fill the cache with them.
    """
    key = f"cms:remembered:{content_version()}:{name}"
    entry = cache.get(key, _MISSING)
    if entry is not _MISSING and isinstance(entry, tuple) and len(entry) == 2:
        value, tags = entry
        stamps.add_tags(tags)
        return value
    with stamps.collecting() as tags:
        value = compute()
    if value is not None or remember_none:
        cache.set(key, (value, sorted(tags)), REMEMBER_TIMEOUT)
    return value


def etag_for(content):
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def cache_key(request, namespace="api"):
    # Query parameters (sorted, so ?a=1&b=2 and ?b=2&a=1 share an entry) and host are
    # part of the key: the site, and so the pages in scope, depends on the host.
    params = sorted((key, value) for key in request.GET for value in request.GET.getlist(key))
    raw = repr((request.get_host(), request.path, params)).encode()
    return f"cms:{namespace}:{hashlib.sha256(raw).hexdigest()}"


def kept_headers(response, names):
    """The ``(name, value)`` pairs of ``names`` the response has, to store with its content."""
    return [(name, response[name]) for name in names if response.has_header(name)]


def rebuilt_response(content, headers, status=200):
    """A response from stored content and headers."""
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class Entry:
    """A stored answer: what the client gets back, the tags it shows and when it was current."""

    def __init__(self, status, content, headers, etag, tags, built_after, last_modified, good_until=None):
        self.status, self.content, self.headers, self.etag = status, content, headers, etag
        self.tags, self.built_after, self.last_modified = tags, built_after, last_modified
        # When what it shows changes by the clock alone (``stamps.changes_at``), or None.
        self.good_until = good_until

    def seconds_left(self):
        """Seconds until the answer stops being true by the clock, or None when only a change ends it."""
        until = getattr(self, "good_until", None)  # entries stored before the field existed have none
        return None if until is None else int((until - timezone.now()).total_seconds())

    def response(self, request):
        if not_modified(request, self.etag):
            return HttpResponseNotModified()
        return rebuilt_response(self.content, self.headers, self.status)


def valid_entry(key):
    """The entry under ``key`` if the database says nothing it shows changed since it was built."""
    entry = cache.get(key)
    if not isinstance(entry, Entry):
        return None
    left = entry.seconds_left()
    if left is not None and left <= 0:
        return None
    version, _ = stamps.newest(entry.tags)
    return entry if version <= entry.built_after else None


def store_entry(key, response, headers, built_after, cache_timeout):
    """Keep ``response`` under ``key`` with the tags this request showed; the stored entry.

    Not kept if something it shows changed while it was built (its stamps are newer than
    ``built_after``): the next request builds it again.
    """
    tags = sorted(stamps.shown_tags())
    # Unless stored, no query: the time it was built is a safe upper bound for Last-Modified.
    version, changed_at = stamps.newest(tags) if cache_timeout > 0 else (0, None)
    entry = Entry(
        response.status_code,
        response.content,
        headers,
        etag_for(response.content),
        tags,
        built_after,
        changed_at or timezone.now(),
        stamps.good_until(),
    )
    left = entry.seconds_left()
    if left is not None:
        cache_timeout = min(cache_timeout, left)
    if cache_timeout > 0 and version <= built_after:
        cache.set(key, entry, cache_timeout)
    return entry


def not_modified(request, etag):
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if not if_none_match:
        return False
    etags = parse_etags(if_none_match)
    return "*" in etags or etag in etags or etag.removeprefix("W/") in [e.removeprefix("W/") for e in etags]


def shared_cache_headers(response, entry, *, browser_max_age, hit):
    """ETag, Last-Modified, Cache-Control for browsers and CDNs, the tags, and hit or miss."""
    response["ETag"] = entry.etag
    response["Last-Modified"] = http_date(entry.last_modified.timestamp())
    s_maxage, stale = settings.CMS_CACHE_S_MAXAGE, settings.CMS_CACHE_STALE_WHILE_REVALIDATE
    left = entry.seconds_left()
    if left is not None:  # a CDN keeps it no longer than it is true, and serves no stale copy after
        s_maxage, stale, browser_max_age = (max(0, min(value, left)) for value in (s_maxage, stale, browser_max_age))
    patch_cache_control(
        response,
        public=True,
        max_age=browser_max_age,
        s_maxage=s_maxage,
        stale_while_revalidate=stale,
    )
    if settings.CMS_CACHE_TAG_HEADER and entry.tags:
        response[settings.CMS_CACHE_TAG_HEADER] = ",".join(entry.tags)
    response[CACHE_STATUS_HEADER] = "hit" if hit else "miss"
    return response


class CachedResponsesMixin:
    """For DRF views of public content: ETag, CDN headers, 304 and the shared cache.

    Only anonymous-safe GETs are cached: views must serve the same bytes to everyone
    (our public API ignores logins). A response that sets its own ``Cache-Control``
    (e.g. a preview: ``private, no-store``) is neither stored nor altered. Subclasses can
    set ``cache_responses = False``.
    """

    cache_responses = True

    def dispatch(self, request, *args, **kwargs):
        cacheable = request.method in CACHEABLE_METHODS
        use_cache = self.cache_responses and cacheable and timeout() > 0
        key = cache_key(request) if use_cache else None
        if key is not None:
            entry = valid_entry(key)
            if entry is not None:
                return shared_cache_headers(entry.response(request), entry, browser_max_age=max_age(), hit=True)
        # Read before any content: whatever is built below is at least this fresh.
        built_after = content_version() if cacheable else None

        response = super().dispatch(request, *args, **kwargs)
        if not cacheable or response.has_header("Cache-Control"):
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()

        if response.status_code == 200:
            headers = kept_headers(response, KEPT_HEADERS)
            entry = store_entry(key, response, headers, built_after, timeout() if key else 0)
            if not_modified(request, entry.etag):
                response = HttpResponseNotModified()
            return shared_cache_headers(response, entry, browser_max_age=max_age(), hit=False)
        if 300 <= response.status_code < 400:
            patch_cache_control(response, public=True, max_age=max_age())
            response["ETag"] = etag_for(response.content + response.get("Location", "").encode())
        else:
            # Errors are not worth keeping: the next request may be the fixed one.
            patch_cache_control(response, no_store=True)
        return response
