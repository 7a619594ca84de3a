"""The sitemap: Wagtail's, with each page's location on the front end's host when one serves the pages.

``/sitemap.xml`` is one sitemap while the site's pages fit in one file of ``PublicSitemap.limit``
URLs; beyond that it is a sitemap index naming ``/sitemap-pages.xml``, ``?p=2``, ... so that no
page is left out and crawlers that know ``/sitemap.xml`` find every file. The limit is 1,000
(the protocol allows 50,000): a file rebuilt after a change then costs the same whatever the
size of the catalogue, and so does each cached copy.
"""

from functools import cached_property

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import index, sitemap

from core.hosts import frontend_url


class PublicSitemap(Sitemap):
    """Wagtail's sitemap of the requested Site's live, public pages; ``CMS_FRONTEND_BASE_URL`` names their host."""

    limit = 1000

    @cached_property
    def paginator(self):
        # One paginator per request: deciding between sitemap and index counts the pages once,
        # and the sitemap built next reuses that count.
        return super().paginator

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["location"] = frontend_url(url["location"])
        return urls


SITEMAPS = {"pages": PublicSitemap}


def sitemap_or_index(request):
    """The one sitemap, or the sitemap index once the pages need more than one file."""
    pages = PublicSitemap(request)
    if pages.paginator.num_pages > 1:
        return index(request, {"pages": pages}, sitemap_url_name="sitemap_section")
    return sitemap(request, {"pages": pages})


def sitemap_section(request, section):
    """One numbered file of the sitemap index (``?p=N``); an unknown section or number is a 404."""
    return sitemap(request, SITEMAPS, section=section)
