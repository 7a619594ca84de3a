"""What search engines and link previews read: head tags, sitemap, robots.txt, error pages."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.test import Client
from wagtail.models import PageViewRestriction

from seo.sitemap import PublicSitemap
from tests.treatments.factories import make_treatment
from treatments.models import TreatmentIndexPage

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _meta(html, attr, name):
    match = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)">', html)
    return match.group(1) if match else None


def test_treatment_head_has_title_description_canonical_and_open_graph(client, demo):
    html = client.get("/treatments/botox/").content.decode()
    assert "<title>BOTOX in Portland | Dr. Michael Kim</title>" in html
    assert _meta(html, "name", "description") == demo.summary
    assert '<link rel="canonical" href="http://localhost/treatments/botox/">' in html
    assert _meta(html, "property", "og:title") == "BOTOX in Portland"
    assert _meta(html, "property", "og:description") == demo.summary
    assert _meta(html, "property", "og:url") == "http://localhost/treatments/botox/"
    assert _meta(html, "property", "og:type") == "article"
    # The demo's hero image (demo/images.py, since the images branch) is the link preview's.
    assert _meta(html, "property", "og:image").startswith("http://localhost/media/images/")
    assert _meta(html, "property", "og:image:width") == "1200"


def test_search_description_wins_and_hero_image_becomes_og_image(client, treatment_index, make_image):
    page = make_treatment(
        treatment_index,
        search_description="Chemical peels in Portland.",
        hero_image=make_image(description="A calm treatment room"),
    )
    html = client.get(page.url).content.decode()
    assert _meta(html, "name", "description") == "Chemical peels in Portland."
    image = _meta(html, "property", "og:image")
    assert image.startswith("http://localhost/") and image.endswith(".png")
    assert _meta(html, "property", "og:image:width") == "1200"
    assert _meta(html, "property", "og:image:alt") == "A calm treatment room"


@pytest.mark.parametrize("url,og_type", [("/", "website"), ("/treatments/", "website")])
def test_home_and_index_have_canonical_and_description(client, demo, url, og_type):
    # The demo's Treatments page has no intro (the clinic's page gives none, issue 13): the
    # description is the editor's words once they write them, never made up.
    TreatmentIndexPage.objects.filter(slug="treatments").update(intro="Every treatment we offer.")
    html = client.get(url).content.decode()
    assert f'<link rel="canonical" href="http://localhost{url}">' in html
    assert _meta(html, "name", "description")
    assert _meta(html, "property", "og:type") == og_type


def test_sitemap_lists_live_public_pages_with_lastmod_only(client, treatment_index):
    make_treatment(treatment_index, slug="draft-peel", publish=False)
    private = make_treatment(treatment_index, slug="private-peel")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    live = make_treatment(treatment_index, slug="live-peel")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    urls = {
        node.find("sm:loc", SITEMAP_NS).text: node.find("sm:lastmod", SITEMAP_NS)
        for node in ET.fromstring(response.content).findall("sm:url", SITEMAP_NS)
    }
    assert set(urls) == {
        "http://localhost/",
        "http://localhost/treatments/",
        "http://localhost/treatments/botox/",
        live.full_url,
    }
    assert all(lastmod is not None and re.match(r"\d{4}-\d{2}-\d{2}", lastmod.text) for lastmod in urls.values())


def test_robots_txt_points_at_the_sitemap(client, demo):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert client.post("/robots.txt").status_code == 405


def test_404_page_is_friendly_and_useful(client, demo):
    response = client.get("/treatments/no-such-treatment/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sorry, we can’t find that page" in html
    assert 'href="/treatments/"' in html
    assert 'action="/search/"' in html
    assert 'href="tel:+15038500414"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_500_page_renders_without_a_database():
    # No db fixture: any database access raises, and the page must still render, phone or not.
    html = render_to_string("500.html")
    assert "Sorry, something went wrong on our side" in html
    assert 'href="/treatments/"' in html and 'href="/search/"' in html


def test_500_page_shows_the_phone_from_cache_without_queries(demo, django_assert_num_queries):
    render_to_string("500.html")  # first render remembers the clinic's contact details
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert '<a href="tel:+15038500414">503-850-0414</a>' in html


def test_500_page_follows_a_changed_phone_number(demo):
    from clinic.models import ClinicSettings

    render_to_string("500.html")
    clinic = ClinicSettings.objects.get()
    clinic.phone = "503-555-0100"
    clinic.save()
    assert "503-555-0100" in render_to_string("500.html")


def test_a_crashing_view_answers_with_the_500_page(demo, settings, monkeypatch):
    from search import views

    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "searchable_texts", crash)
    response = Client(raise_request_exception=False).get("/search/", {"q": "jaw"})
    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in response.content.decode()


def test_a_sitemap_too_long_for_one_file_becomes_an_index_of_numbered_files(client, treatment_index, monkeypatch):
    # The protocol's limit is 50,000 URLs a file; 2 here, so 4 pages make an index of 2 files.
    monkeypatch.setattr(PublicSitemap, "limit", 2)
    live = make_treatment(treatment_index, slug="live-peel")
    # The index names its files on the host it is asked on.
    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    assert response.status_code == 200
    files = [
        node.find("sm:loc", SITEMAP_NS).text
        for node in ET.fromstring(response.content).findall("sm:sitemap", SITEMAP_NS)
    ]
    assert files == ["http://localhost/sitemap-pages.xml", "http://localhost/sitemap-pages.xml?p=2"]
    listed = []
    for url in files:
        part = client.get(url.removeprefix("http://localhost"), HTTP_HOST="localhost")
        assert part.status_code == 200
        listed += [
            node.find("sm:loc", SITEMAP_NS).text for node in ET.fromstring(part.content).findall("sm:url", SITEMAP_NS)
        ]
    assert sorted(listed) == sorted(
        ["http://localhost/", "http://localhost/treatments/", "http://localhost/treatments/botox/", live.full_url]
    )
    # A file that does not exist, or a number that is not one, is a 404, never a 500.
    for url in ("/sitemap-pages.xml?p=3", "/sitemap-pages.xml?p=x", "/sitemap-other.xml"):
        assert client.get(url).status_code == 404, url
