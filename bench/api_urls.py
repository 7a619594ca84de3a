"""URLs of the API benchmark: the project's, Wagtail's stock pages endpoint, and the ceiling."""

import os

from django.http import HttpResponse
from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

stock_router = WagtailAPIRouter("stockapi")
stock_router.register_endpoint("pages", PagesAPIViewSet)

_CEILING_FILE = os.environ.get("BENCH_CEILING_FILE", "")
CEILING_BYTES = open(_CEILING_FILE, "rb").read() if _CEILING_FILE else b"{}"  # noqa: SIM115


def ceiling(request):
    """No database, no cache: the same bytes as our detail response, as fast as Django goes."""
    return HttpResponse(CEILING_BYTES, content_type="application/json")


urlpatterns = [
    path("bench/stock/", stock_router.urls),
    path("bench/ceiling/", ceiling),
    path("", include("cms.urls")),
]
