"""The sitemap: Wagtail's, with each page's location on the front end's host when one serves the pages."""

from wagtail.contrib.sitemaps import Sitemap

from core.hosts import frontend_url


class PublicSitemap(Sitemap):
    """Wagtail's sitemap of the requested Site's live, public pages; ``CMS_FRONTEND_BASE_URL`` names their host."""

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["location"] = frontend_url(url["location"])
        return urls
