"""Cost that does not grow with the catalogue (issue 18): the same queries for 20 and 300 treatments.

One catalogue is built and grown (copies of one treatment page, created in bulk by
``demo.catalogue``), and each endpoint's queries are counted at both sizes, with the response
caches off: what is measured is the work of building each response. Listings must also never
read the treatments' bodies.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from demo.catalogue import copy_treatment
from tests.treatments.factories import make_treatment

pytestmark = pytest.mark.django_db

BODY_COLUMN = '"treatments_treatmentpage"."body"'

# Each endpoint of issue 18's table and of bench/scale.py, and the most queries it may cost
# (measured on SQLite; PostgreSQL the same). ``{pk}`` and ``{url}`` are the source treatment's.
ENDPOINTS = {
    # Pages also read the site and the change sequence number from the database (issue 12).
    "index": ("/treatments/", 12),
    "home": ("/", 12),
    "treatment page": ("{url}", 14),
    "sitemap": ("/sitemap.xml", 8),
    "search page": ("/search/?q=botox", 7),
    "API detail": ("/api/v2/pages/{pk}/", 6),
    "API listing": ("/api/v2/pages/?type=treatments.TreatmentPage&fields=summary,category", 6),
    "API listing, default fields": ("/api/v2/pages/", 6),
    "API search": ("/api/v2/pages/?type=treatments.TreatmentPage&search=botox&fields=summary", 6),
    "API search, every page type": ("/api/v2/pages/?search=botox", 6),
    "admin dashboard": ("/admin/", 30),
    "admin explorer": ("/admin/pages/{parent}/", 40),
    "admin edit view": ("/admin/pages/{pk}/edit/", 60),
}
# Searches: at most two queries find the matches, one when 100 titles match.
SEARCHES = {"search page", "API search", "API search, every page type"}
# Listings that show no body must not read one.
BODILESS = {"index", "home", "API listing", "API listing, default fields", "API search"}


@pytest.fixture(autouse=True)
def _no_response_caches(settings):
    settings.CMS_API_CACHE_TIMEOUT = 0
    settings.CMS_PAGE_CACHE_TIMEOUT = 0


@pytest.fixture
def source(demo, treatment_index):
    """A treatment with the demo's FAQ and testimonial (which chooses a practitioner), never reviewed."""
    kept = [block for block in demo.body.raw_data if block["type"] in ("faq", "testimonial")]
    return make_treatment(treatment_index, title="Botox peel", summary="A BOTOX summary.", body=kept)


def measure(client, admin_client, url):
    """Queries and the SQL of one request (the admin as a signed-in superuser, the rest anonymous)."""
    user_client = admin_client if url.startswith("/admin/") else client
    with CaptureQueriesContext(connection) as captured:
        response = user_client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(captured), [query["sql"] for query in captured]


def counts(client, admin_client, source):
    urls = {
        name: url.format(pk=source.pk, parent=source.get_parent().pk, url=source.url)
        for name, (url, _limit) in ENDPOINTS.items()
    }
    for url in urls.values():
        measure(client, admin_client, url)  # first requests remember the site, renditions, ...
    return {name: measure(client, admin_client, url) for name, url in urls.items()}


def test_queries_stay_the_same_from_20_to_300_treatments(source, client, admin_client):
    copy_treatment(source, 20 - 2)  # with the demo page and the source: 20
    small = counts(client, admin_client, source)
    copy_treatment(source, 300 - 20, start=20 - 1)
    large = counts(client, admin_client, source)

    # Searches make one query fewer once titles alone fill the 100 matches (search/ranking.py).
    assert {name: n for name, (n, _sql) in large.items() if name not in SEARCHES} == {
        name: n for name, (n, _sql) in small.items() if name not in SEARCHES
    }
    assert {name: large[name][0] - small[name][0] for name in SEARCHES} == {name: -1 for name in SEARCHES}
    over = {name: large[name][0] for name, (_url, limit) in ENDPOINTS.items() if large[name][0] > limit}
    assert not over, over
    for name in ENDPOINTS:
        if name in BODILESS:
            assert not [sql for sql in large[name][1] if BODY_COLUMN in sql], f"{name} reads bodies"
    # The index's last page costs what its first does.
    assert measure(client, None, "/treatments/?page=13")[0] == large["index"][0]


def test_index_shows_one_page_of_treatments_with_links_to_the_others(source, client):
    copy_treatment(source, 60)
    html = client.get("/treatments/").content.decode()
    assert html.count('<li class="card">') == 24
    assert '<nav class="pagination" aria-label="Pages of treatments">' in html
    assert 'href="?page=2" rel="next"' in html
    last = client.get("/treatments/?page=3").content.decode()
    assert last.count('<li class="card">') == 62 - 48
    assert 'href="/treatments/?page=2" rel="prev"' in last or 'href="?page=2" rel="prev"' in last
    assert 'rel="next"' not in last
    second = client.get("/treatments/?page=2").content.decode()
    assert 'href="/treatments/" rel="prev"' in second


@pytest.mark.parametrize("junk", ["zz", "0", "-1", "4", "1.5", "9" * 40])
def test_index_answers_a_page_number_that_does_not_exist_with_404(source, client, junk):
    copy_treatment(source, 60)
    assert client.get("/treatments/", {"page": junk}).status_code == 404


def test_search_counts_at_most_100_results(source, client):
    copy_treatment(source, 120)
    html = client.get("/search/", {"q": "botox"}).content.decode()
    assert "More than 100 results for “botox”" in html
    assert "Page 1 of 10" in html
    assert client.get("/search/", {"q": "botox", "page": "11"}).status_code == 200  # the last page


def test_api_search_reaches_the_best_100_matches(source, client):
    copy_treatment(source, 120)
    url = "/api/v2/pages/?type=treatments.TreatmentPage&search=botox&limit=20&offset={}"
    data = client.get(url.format(0)).json()
    assert data["meta"]["total_count"] == 100
    assert len(data["items"]) == 20
    assert client.get(url.format(100)).json()["items"] == []


def test_dashboard_panel_shows_the_50_most_urgent_and_says_more_are_due(source, admin_client):
    copy_treatment(source, 60)
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert html.count("Never reviewed") == 50
    assert "More treatment pages are due: these are the 50 most urgent." in html


def test_search_page_is_kept_in_the_page_cache_for_visitors(source, client, settings, django_assert_num_queries):
    settings.CMS_PAGE_CACHE_TIMEOUT = 300
    first = client.get("/search/", {"q": "botox"})
    with django_assert_num_queries(1):  # answered from the cache after one check: are its stamps current?
        again = client.get("/search/", {"q": "botox"})
    assert again.content == first.content


def test_review_due_is_stored_on_every_save(source):
    import datetime

    source.last_reviewed = datetime.date(2026, 8, 31)
    source.review_interval_months = 3
    source.save(update_fields=["last_reviewed", "review_interval_months"])
    source.refresh_from_db()
    assert source.review_due == datetime.date(2026, 11, 30)


def _api_titles(client, query):
    url = "/api/v2/pages/?type=treatments.TreatmentPage&limit=100&search=" + query
    return [item["title"] for item in client.get(url).json()["items"]]


def _site_titles(client, query):
    html = client.get("/search/", {"q": query}).content.decode()
    return re.findall(r'<h3><a href="[^"]*">([^<]*)</a></h3>', html)


@pytest.mark.parametrize("copies", [5, 120])
def test_a_title_match_ranks_first_in_a_small_and_a_large_catalogue(source, treatment_index, client, copies):
    # Title matches first, with few matches or more than 100 (search/ranking.py).
    make_treatment(treatment_index, title="Lip filler", summary="Often planned with a botox peel.")
    copy_treatment(source, copies)
    for titles in (_api_titles(client, "peel"), _site_titles(client, "peel")):
        assert titles, titles
        assert "Lip filler" not in titles[: min(copies, 10)], titles
        assert all("peel" in title.lower() for title in titles[: min(copies, 10)]), titles
    if copies < 100:
        assert "Lip filler" in _api_titles(client, "peel")  # every match is reached


def test_search_answers_in_the_same_queries_past_100_matches(source, client, django_assert_num_queries):
    copy_treatment(source, 120)
    client.get("/search/", {"q": "peel"})
    with django_assert_num_queries(measure(client, None, "/search/?q=peel")[0]):
        client.get("/search/", {"q": "peel", "page": "10"})
