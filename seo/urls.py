"""URLs search engines ask for first."""

from django.urls import path

from core.page_cache import cached_public_view
from core.stamps import PAGES

from .sitemap import sitemap_or_index, sitemap_section
from .views import favicon, robots_txt

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    # Cached until a page is published, moved or unpublished, or a site or restriction changes.
    path("sitemap.xml", cached_public_view(tags=[PAGES])(sitemap_or_index), name="sitemap"),
    path("sitemap-<slug:section>.xml", cached_public_view(tags=[PAGES])(sitemap_section), name="sitemap_section"),
    path("favicon.ico", favicon, name="favicon"),
]
