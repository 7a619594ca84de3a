"""The database decides what is public and current; caches only save work (issue 12).

Run on SQLite and on PostgreSQL + Redis (``DATABASE_URL`` / ``REDIS_URL``): the misbehaving caches
below replace whichever cache the run uses.
"""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from tests.core.cache_backends import caches_setting
from tests.treatments.factories import faq_block, make_treatment

PAGE = "/treatments/botox/"


def publish_summary(page, summary):
    revision = page.get_latest_revision_as_object()
    revision.summary = summary
    revision.save_revision().publish()


@pytest.fixture(autouse=True)
def _caches_on(settings):
    settings.CMS_PAGE_CACHE_TIMEOUT = 300
    settings.CMS_API_CACHE_TIMEOUT = 600


@pytest.fixture(params=["DroppingCache", "StaleCache"])
def bad_cache(request, settings):
    """A cache that loses every write, or one that keeps returning the first value it was given."""
    settings.CACHES = caches_setting(request.param)
    yield request.param
    cache.clear()


def test_a_restriction_hides_the_page_at_once_whatever_the_cache_does(demo, client, bad_cache):
    api = f"/api/v2/pages/{demo.pk}/"
    for _ in range(2):  # built, then (where the cache keeps anything) from the cache
        assert client.get(api).status_code == 200
        assert b"Monica Z." in client.get(PAGE).content
    PageViewRestriction.objects.create(page=demo, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert client.get(api).status_code == 404
    assert b"Monica Z." not in client.get(PAGE).content  # the password form
    assert demo.pk not in [item["id"] for item in client.get("/api/v2/pages/").json()["items"]]


def test_a_publish_shows_at_once_whatever_the_cache_does(demo, client, bad_cache):
    api = f"/api/v2/pages/{demo.pk}/"
    client.get(api), client.get(PAGE)
    expected = "hit" if bad_cache == "StaleCache" else "miss"  # the old answer, kept forever
    assert client.get(api)["X-CMS-Cache"] == expected and client.get(PAGE)["X-CMS-Cache"] == expected
    publish_summary(demo, "Fresh from the database.")
    response = client.get(api)
    assert response["X-CMS-Cache"] == "miss"  # the stale entry was there, and refused
    assert response.json()["summary"] == "Fresh from the database."
    assert b"Fresh from the database." in client.get(PAGE).content


def test_remembered_lookups_follow_the_database_whatever_the_cache_does(demo, client, bad_cache):
    from clinic.models import ClinicSettings

    api = f"/api/v2/pages/{demo.pk}/"
    client.get(api), client.get(api)
    clinic = ClinicSettings.objects.get()
    clinic.phone = "503-555-0142"
    clinic.save()
    assert client.get(api).json()["clinic"]["phone"] == "503-555-0142"
    assert b"503-555-0142" in client.get(PAGE).content


def test_an_unrelated_publish_keeps_other_cached_answers(demo, treatment_index, client, django_assert_num_queries):
    other = make_treatment(treatment_index, body=[faq_block()])
    api = f"/api/v2/pages/{demo.pk}/"
    client.get(api), client.get(PAGE)
    publish_summary(other, "Only this one changed.")
    # One query each, and it only compares stamps: no content is read again.
    with django_assert_num_queries(1):
        detail = client.get(api)
    with django_assert_num_queries(1):
        page = client.get(PAGE)
    assert detail["X-CMS-Cache"] == "hit" and page["X-CMS-Cache"] == "hit"
    assert client.get(f"/api/v2/pages/{other.pk}/").json()["summary"] == "Only this one changed."


def test_a_listing_follows_a_new_child(demo, treatment_index, client):
    listing = "/api/v2/pages/?type=treatments.TreatmentPage"
    client.get(listing)
    assert client.get(listing)["X-CMS-Cache"] == "hit"
    assert b"Treatments" in client.get(treatment_index.url).content
    new = make_treatment(treatment_index, body=[faq_block()], title="Newly published")
    response = client.get(listing)
    assert response["X-CMS-Cache"] == "miss"
    assert new.pk in [item["id"] for item in response.json()["items"]]
    assert b"Newly published" in client.get(treatment_index.url).content


def test_a_page_that_links_to_a_changed_page_is_rebuilt(demo, treatment_index, client):
    target = make_treatment(treatment_index, body=[faq_block()])
    answer = f'<p><a linktype="page" id="{target.pk}">see</a></p>'
    linking = make_treatment(treatment_index, body=[faq_block(n_items=1, answer=answer)])
    api = f"/api/v2/pages/{linking.pk}/"
    assert f"page-{target.pk}" in client.get(api)["Cache-Tag"].split(",")
    target.slug = "moved-elsewhere"
    target.save_revision().publish()
    assert "/treatments/moved-elsewhere/" in client.get(api).content.decode()


def test_the_sitemap_is_cached_until_the_pages_it_lists_change(
    demo, treatment_index, client, django_assert_num_queries
):
    first = client.get("/sitemap.xml")
    assert first.status_code == 200 and "pages" in first["Cache-Tag"].split(",")
    with django_assert_num_queries(1):
        assert client.get("/sitemap.xml").content == first.content
    new = make_treatment(treatment_index, body=[faq_block()], slug="brand-new")
    assert b"/treatments/brand-new/" in client.get("/sitemap.xml").content
    new.unpublish()
    assert b"/treatments/brand-new/" not in client.get("/sitemap.xml").content
    PageViewRestriction.objects.create(page=demo, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert b"/treatments/botox/" not in client.get("/sitemap.xml").content
