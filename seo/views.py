"""robots.txt and /favicon.ico: what crawlers and browsers ask every site for."""

from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views.decorators.http import require_safe
from wagtail.models import Site


@require_safe
def robots_txt(request):
    """The site's robots.txt, naming the absolute sitemap URL of the requested site."""
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    body = render_to_string("seo/robots.txt", {"sitemap_url": f"{root_url}/sitemap.xml"})
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """``/favicon.ico``, asked for by browsers and crawlers: a redirect to the icon in ``static/``."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))
