"""Caching of public API GET responses: ETag, Cache-Control, 304s and a shared response cache.

Design (simplest correct): every cache key contains a global *content version*. Any change
that can alter any API response (a page published, unpublished, moved or deleted; an image,
document, snippet, site setting, site, collection or privacy setting saved or deleted) bumps
the version, so every cached response is invalidated at once; old entries simply expire.
Editors publish a few times a day, readers read thousands of times: precise per-object
invalidation would buy little and risk serving stale pages.

Settings (their defaults live in ``cms/settings/base.py``):

- ``CMS_API_CACHE_MAX_AGE`` (seconds, default 60): ``Cache-Control: public, max-age=...``
  for browsers and CDNs.
- ``CMS_API_CACHE_TIMEOUT`` (seconds, default 600; 0 turns the server-side cache off): how
  long a response stays in Django's cache (Redis via ``REDIS_URL``, else local memory,
  which is per process: run several processes with Redis).
"""

import contextvars
import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags

VERSION_KEY = "cms:api:content-version"
CACHEABLE_METHODS = ("GET", "HEAD")
# Headers a cached response carries back to the client.
KEPT_HEADERS = ("Content-Type", "Allow", "Vary")


def max_age():
    return settings.CMS_API_CACHE_MAX_AGE


def timeout():
    return settings.CMS_API_CACHE_TIMEOUT


# The version a request read when it started (ContentVersionMiddleware): read once, not per use.
_request_version = contextvars.ContextVar("cms_request_content_version", default=None)


def content_version():
    """The current content version: the request's, or from the cache (created on first use)."""
    return _request_version.get() or _stored_version()


def _stored_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        # add(): if another process created one meanwhile, theirs wins.
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY) or version
    return version


def bump_content_version(**kwargs):
    """Invalidate every cached API response: now, and again once the transaction commits.

    The second bump matters: between the change and its commit another request may read
    the old rows and cache them under the new version.
    """
    _bump()
    transaction.on_commit(_bump)


def _bump():
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    if _request_version.get() is not None:
        _request_version.set(version)  # the rest of this request sees its own change


class ContentVersionMiddleware:
    """Reads the content version once per request; every cache key of the request uses it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set(_stored_version())
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)


# Entries of older content versions are never read again; let them go within a day.
REMEMBER_TIMEOUT = 24 * 60 * 60
_MISSING = object()


def remembered(name, compute, *, remember_none=True):
    """``compute()``, kept in the cache under ``name`` until the content version changes.

    For what nearly never changes but every request reads (the site, its settings, the view
    restrictions): one cache read instead of queries, and never stale, since every change
    that could alter it bumps the version. ``remember_none=False`` for names a client picks
    (e.g. an id in a URL): misses are not stored, so nobody can fill the cache with them.
    """
    key = f"cms:remembered:{content_version()}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        if value is not None or remember_none:
            cache.set(key, value, REMEMBER_TIMEOUT)
    return value


def etag_for(content):
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def cache_key(request, version, namespace="api"):
    # Query parameters (sorted, so ?a=1&b=2 and ?b=2&a=1 share an entry) and host are
    # part of the key: the site, and so the pages in scope, depends on the host.
    params = sorted((key, value) for key in request.GET for value in request.GET.getlist(key))
    raw = repr((request.get_host(), request.path, params)).encode()
    return f"cms:{namespace}:{version}:{hashlib.sha256(raw).hexdigest()}"


def kept_headers(response, names):
    """The ``(name, value)`` pairs of ``names`` the response has, to store with its content."""
    return [(name, response[name]) for name in names if response.has_header(name)]


def rebuilt_response(content, headers, status=200):
    """A response from stored content and headers."""
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def _not_modified(request, etag):
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if not if_none_match:
        return False
    etags = parse_etags(if_none_match)
    return "*" in etags or etag in etags or etag.removeprefix("W/") in [e.removeprefix("W/") for e in etags]


def _public_headers(response, etag):
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=max_age())
    return response


def _from_cache(request, entry):
    status, content, headers, etag = entry
    if _not_modified(request, etag):
        return _public_headers(HttpResponseNotModified(), etag)
    return _public_headers(rebuilt_response(content, headers, status), etag)


class CachedResponsesMixin:
    """For DRF views of public content: ETag, Cache-Control, 304 and the shared cache.

    Only anonymous-safe GETs are cached: views must serve the same bytes to everyone
    (our public API ignores logins). A response that sets its own ``Cache-Control``
    (e.g. a preview: ``private, no-store``) is neither stored nor altered. Subclasses can
    set ``cache_responses = False``.
    """

    cache_responses = True

    def dispatch(self, request, *args, **kwargs):
        use_cache = self.cache_responses and request.method in CACHEABLE_METHODS and timeout() > 0
        key = None
        if use_cache:
            key = cache_key(request, content_version())
            entry = cache.get(key)
            if entry is not None:
                return _from_cache(request, entry)

        response = super().dispatch(request, *args, **kwargs)
        if request.method not in CACHEABLE_METHODS or response.has_header("Cache-Control"):
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()

        if response.status_code == 200:
            etag = etag_for(response.content)
            if key is not None:
                cache.set(key, (200, response.content, kept_headers(response, KEPT_HEADERS), etag), timeout())
            if _not_modified(request, etag):
                return _public_headers(HttpResponseNotModified(), etag)
            return _public_headers(response, etag)
        if 300 <= response.status_code < 400:
            patch_cache_control(response, public=True, max_age=max_age())
            response["ETag"] = etag_for(response.content + response.get("Location", "").encode())
        else:
            # Errors are not worth keeping: the next request may be the fixed one.
            patch_cache_control(response, no_store=True)
        return response
