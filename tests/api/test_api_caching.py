"""Public API GETs carry ETag and Cache-Control, answer If-None-Match with 304, come from the
cache when nothing changed and never after a change they include."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from clinic.models import ClinicSettings, Practitioner
from tests.api.content import every_block_body
from tests.treatments.factories import make_treatment

LISTING = "/api/v2/pages/?type=treatments.TreatmentPage&fields=*"


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured)


@pytest.mark.parametrize(
    "url",
    [LISTING, "/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/", "/api/v2/clinic/", "/api/v2/openapi.json"],
)
def test_every_public_get_has_etag_and_cache_control(demo, client, settings, url):
    settings.CMS_API_CACHE_MAX_AGE = 123
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert "max-age=123" in response["Cache-Control"] and "public" in response["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == response["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_detail_and_cached_detail_are_identical(demo, client):
    url = f"/api/v2/pages/{demo.pk}/"
    first, first_queries = queries_for(client, url)
    second, second_queries = queries_for(client, url)
    assert first.content == second.content and first["ETag"] == second["ETag"]
    # Served from the cache after one query: are the stamps of what it shows still current?
    assert first_queries > 0 and second_queries == 1


def test_query_parameters_are_part_of_the_key(demo, client):
    a = client.get(f"/api/v2/pages/{demo.pk}/?fields=_,title")
    b = client.get(f"/api/v2/pages/{demo.pk}/?fields=_,summary")
    assert "summary" not in a.json() and "summary" in b.json()


def test_errors_and_redirects_are_not_stored(demo, client):
    response = client.get("/api/v2/pages/?limit=abc")
    assert response.status_code == 400 and "no-store" in response["Cache-Control"]
    find = client.get("/api/v2/pages/find/?html_path=/treatments/botox/")
    assert find.status_code == 302 and "Cache-Control" in find


def test_server_cache_can_be_turned_off(demo, client, settings):
    settings.CMS_API_CACHE_TIMEOUT = 0
    url = f"/api/v2/pages/{demo.pk}/"
    client.get(url)
    response, queries = queries_for(client, url)
    assert queries > 0 and response["ETag"]  # still validators, no stored copy


def test_logged_in_users_get_the_same_public_bytes(demo, treatment_index, client):
    private = make_treatment(treatment_index, title="Private one")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    anonymous = client.get(LISTING).content
    client.force_login(User.objects.create_superuser("boss", password="pw-boss-1"))
    assert client.get(LISTING).content == anonymous
    assert b"Private one" not in anonymous


def test_writes_are_never_cached(demo, client):
    for _ in range(2):
        response = client.post("/api/v2/pages/", data={})
        assert response.status_code == 405
        assert "ETag" not in response


# Invalidation: each kind of change a response includes.


def summary_of(client, page):
    return client.get(f"/api/v2/pages/{page.pk}/").json().get("summary")


def test_publish_invalidates(demo, client):
    assert summary_of(client, demo) == demo.summary
    demo.summary = "Published change"
    demo.save_revision().publish()
    assert summary_of(client, demo) == "Published change"


def test_unpublish_invalidates(demo, treatment_index, client):
    page = make_treatment(treatment_index)
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 200
    assert page.pk in [i["id"] for i in client.get(LISTING).json()["items"]]
    page.unpublish()
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert page.pk not in [i["id"] for i in client.get(LISTING).json()["items"]]


def test_move_invalidates(demo, treatment_index, client):
    page = make_treatment(treatment_index, slug="movable")
    other_index = treatment_index.copy(
        to=treatment_index.get_parent(), update_attrs={"title": "More", "slug": "more"}, copy_revisions=False
    )
    other_index.save_revision().publish()
    before = client.get(f"/api/v2/pages/{page.pk}/").json()["meta"]["html_url"]
    page.move(other_index, pos="last-child")
    after = client.get(f"/api/v2/pages/{page.pk}/").json()["meta"]["html_url"]
    assert before.endswith("/treatments/movable/") and after.endswith("/more/movable/")


def test_delete_invalidates(demo, treatment_index, client):
    page = make_treatment(treatment_index)
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 200
    page.delete()
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_image_change_invalidates(demo, treatment_index, client, make_image):
    image = make_image(title="Old title")
    page = make_treatment(treatment_index, hero_image=image)
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["hero_image"]["title"] == "Old title"
    image.title = "New title"
    image.save()
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["hero_image"]["title"] == "New title"
    image.delete()
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["hero_image"] is None


def test_snippet_change_invalidates(reviewed_demo, client):
    demo = reviewed_demo
    practitioner = Practitioner.objects.get()
    url = f"/api/v2/pages/{demo.pk}/"
    assert client.get(url).json()["reviewed_by"]["job_title"] == (
        practitioner.job_title or None
    )  # empty is null (issue 15)
    practitioner.job_title = "Medical director"
    practitioner.save()
    data = client.get(url).json()
    assert data["reviewed_by"]["job_title"] == "Medical director"
    testimonial = next(b for b in data["body"] if b["type"] == "testimonial")
    assert testimonial["value"]["practitioner"]["job_title"] == "Medical director"
    practitioner.delete()
    assert client.get(url).json()["reviewed_by"] is None


def test_setting_change_invalidates(demo, client):
    assert client.get("/api/v2/clinic/").json()["phone"] == "503-850-0414"
    clinic = ClinicSettings.objects.get()
    clinic.phone = "503-000-1111"
    clinic.save()
    assert client.get("/api/v2/clinic/").json()["phone"] == "503-000-1111"
    assert client.get(f"/api/v2/pages/{demo.pk}/").json()["clinic"]["phone"] == "503-000-1111"


def test_linked_page_publish_updates_rich_text_links(demo, treatment_index, client):
    target = make_treatment(treatment_index, slug="target")
    page = make_treatment(treatment_index, body=every_block_body(linked_page=target))
    assert 'href=\\"/treatments/target/\\"' in client.get(f"/api/v2/pages/{page.pk}/").content.decode()
    target.slug = "renamed"
    target.save_revision().publish()
    assert 'href=\\"/treatments/renamed/\\"' in client.get(f"/api/v2/pages/{page.pk}/").content.decode()


def test_privacy_change_invalidates(demo, client):
    assert client.get(f"/api/v2/pages/{demo.pk}/").status_code == 200
    PageViewRestriction.objects.create(page=demo, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert client.get(f"/api/v2/pages/{demo.pk}/").status_code == 404
