"""URLs search engines ask for first."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from core.page_cache import cached_public_view
from core.stamps import PAGES

from .sitemap import PublicSitemap
from .views import favicon, robots_txt

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    # Cached until a page is published, moved or unpublished, or a site or restriction changes.
    path(
        "sitemap.xml",
        cached_public_view(tags=[PAGES])(sitemap),
        {"sitemaps": {"wagtail": PublicSitemap}},
        name="sitemap",
    ),
    path("favicon.ico", favicon, name="favicon"),
]
