"""The Site serving a request, remembered per host and port until content changes.

Wagtail finds a request's Site with a query (``Site.find_for_request``) on every request
that needs it: the page router, settings, page URLs, the API. Sites change rarely, and any
change to a site or to the pages in it bumps the content version (``signals.py``), so
``SiteMiddleware`` remembers each host's answer under that version (``caching.remembered``)
and hands it to Wagtail the way Wagtail caches it itself: on ``request._wagtail_site``.
"""

from django.http.request import split_domain_port
from wagtail.models import Site

from .caching import remembered


def find_site(request):
    """``Site.find_for_request(request)``, remembered per host and port."""
    if not hasattr(request, "_wagtail_site"):
        # The same host and port Wagtail matches on (``Site._find_for_request``).
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = remembered(
            f"site:{hostname}:{request.get_port()}", lambda: Site.find_for_request(request)
        )
    return request._wagtail_site


def without_site(view):
    """Marks a view that needs no Site (e.g. the health check, which must answer while the database is down)."""
    view.needs_site = False
    return view


class SiteMiddleware:
    """Resolves the request's Site through ``find_site`` before a view (and Wagtail) asks for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "needs_site", True):
            find_site(request)
