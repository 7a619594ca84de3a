"""Rendered pages are cached for anonymous visitors and never shown stale or private."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from tests.treatments.factories import faq_block, make_treatment


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.CMS_PAGE_CACHE_TIMEOUT = 300


def test_second_visit_is_served_from_the_cache_after_one_query(demo, client, django_assert_num_queries):
    first = client.get("/treatments/botox/")
    with django_assert_num_queries(1):  # are the stamps of what it shows still current?
        second = client.get("/treatments/botox/")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["X-Frame-Options"] == "DENY"  # headers of the middleware above still apply


def test_publishing_shows_the_new_revision_at_once(demo, client):
    assert b"Fresh summary" not in client.get("/treatments/botox/").content
    revision = demo.get_latest_revision_as_object()
    revision.summary = "Fresh summary for visitors."
    revision.save_revision().publish()
    assert b"Fresh summary for visitors." in client.get("/treatments/botox/").content


def test_unpublished_page_is_gone_at_once(demo, treatment_index, client):
    page = make_treatment(treatment_index, body=[faq_block()])
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_clinic_details_change_shows_at_once(demo, client):
    from clinic.models import ClinicSettings

    client.get("/treatments/botox/")
    clinic = ClinicSettings.objects.get()
    clinic.phone = "503-555-0100"
    clinic.save()
    assert b"503-555-0100" in client.get("/treatments/botox/").content


def test_private_page_is_never_cached_for_the_visitor_who_unlocked_it(demo, client):
    PageViewRestriction.objects.create(page=demo, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    assert b"Monica Z." not in client.get("/treatments/botox/").content  # the password form
    response = client.post(
        f"/_util/authenticate_with_password/{PageViewRestriction.objects.get().pk}/{demo.pk}/",
        {"password": "s3cret", "return_url": "/treatments/botox/"},
    )
    assert response.status_code == 302
    assert b"Monica Z." in client.get("/treatments/botox/").content  # unlocked, with a session
    client.cookies.clear()
    assert b"Monica Z." not in client.get("/treatments/botox/").content  # a stranger sees the form


def test_logged_in_editors_bypass_the_cache(demo, client):
    client.get("/treatments/botox/")
    editor = get_user_model().objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(editor)
    assert b"wagtail-userbar" in client.get("/treatments/botox/").content


def test_cache_can_be_turned_off(demo, client, settings, django_assert_max_num_queries):
    settings.CMS_PAGE_CACHE_TIMEOUT = 0
    client.get("/treatments/botox/")
    response = client.get("/treatments/botox/")
    assert response.status_code == 200
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get("/treatments/botox/")
    assert len(queries) > 0
