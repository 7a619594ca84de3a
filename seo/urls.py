"""URLs search engines ask for first."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from .views import favicon, robots_txt

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("favicon.ico", favicon, name="favicon"),
]
