"""The Site serving a request, through Wagtail's public API only.

``Site.find_for_request`` looks the site up once per request and keeps it on the request
itself; views that need no site (the health check, which must answer while the database is
down) are simply never asked for one.
"""

from wagtail.models import Site


def find_site(request):
    """``Site.find_for_request(request)``: Wagtail keeps the answer for the rest of the request."""
    return Site.find_for_request(request)


def without_site(view):
    """Marks a view that needs no Site (e.g. the health check, which must answer while the database is down)."""
    view.needs_site = False
    return view
