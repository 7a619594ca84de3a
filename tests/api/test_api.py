"""The Wagtail API v2: listing, detail, find, fields; front-end-ready content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.treatments.factories import faq_block, make_treatment

LISTING = "/api/v2/pages/?type=treatments.TreatmentPage&fields=*"


def test_listing_with_all_fields(demo, client):
    response = client.get(LISTING)
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 1
    (item,) = data["items"]
    assert item["title"] == "BOTOX"
    for field in [
        "summary",
        "brand_name",
        "generic_name",
        "category",
        "hero_image",
        "treatment_areas",
        "body",
        "reviewed_by",
        "last_reviewed",
        "clinic",
    ]:
        assert field in item, field
    assert len(item["body"]) == 13


def test_detail_has_every_field(demo, client):
    data = client.get(f"/api/v2/pages/{demo.pk}/").json()
    assert data["meta"]["type"] == "treatments.TreatmentPage"
    assert {b["type"] for b in data["body"]} >= {
        "faq",
        "candidate_criteria",
        "off_label_uses",
        "prep_instructions",
        "testimonial",
    }


def test_find_by_html_path(demo, client):
    response = client.get("/api/v2/pages/find/?html_path=/treatments/botox/")
    assert response.status_code == 302
    assert f"/api/v2/pages/{demo.pk}/" in response["Location"]
    assert client.get("/api/v2/pages/find/?html_path=/treatments/botox/", follow=True).json()["id"] == demo.pk


def test_no_database_markup_anywhere(demo, treatment_index, client):
    linked = make_treatment(
        treatment_index,
        body=[faq_block(answer=f'<p>See <a linktype="page" id="{demo.pk}">BOTOX</a>.</p>')],
    )
    for url in [LISTING, f"/api/v2/pages/{linked.pk}/", f"/api/v2/pages/{demo.pk}/"]:
        body = client.get(url).content.decode()
        assert "linktype=" not in body and "embedtype=" not in body
    answer = client.get(f"/api/v2/pages/{linked.pk}/").json()["body"][0]["value"]["items"][0]["answer"]
    assert 'href="/treatments/botox/"' in answer


def test_hero_image_is_expanded(demo, treatment_index, client, make_image):
    page = make_treatment(treatment_index, hero_image=make_image(title="Hero"))
    hero = client.get(f"/api/v2/pages/{page.pk}/").json()["hero_image"]
    assert hero["title"] == "Hero" and hero["alt"]
    assert {size["aspect_ratio"] for size in hero["srcset"]} == {"original", "16:9", "1:1"}
    assert all(size["url"].startswith("http://testserver/media/images/") for size in hero["srcset"])


def test_clinic_details_endpoint(demo, client):
    data = client.get("/api/v2/clinic/").json()
    assert data["phone"] == "503-850-0414"
    assert data["consultation_url"] == "/consultation/"
    assert "notification_email" not in data


def test_images_and_documents_endpoints(demo, client, make_image):
    shipped = client.get("/api/v2/images/").json()["meta"]["total_count"]  # the demo's drawn images
    make_image()
    assert client.get("/api/v2/images/").json()["meta"]["total_count"] == shipped + 1
    assert client.get("/api/v2/documents/").status_code == 200


def test_drafts_are_not_listed(demo, treatment_index, client):
    draft = make_treatment(treatment_index, publish=False)
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert draft.pk not in [i["id"] for i in client.get(LISTING).json()["items"]]


def test_bad_input_is_a_clear_4xx(demo, client):
    assert client.get("/api/v2/pages/?type=nope.Nope").status_code == 400
    assert client.get("/api/v2/pages/?fields=nonsense").status_code == 400
    assert client.get("/api/v2/pages/999999/").status_code == 404
    assert client.get("/api/v2/pages/?limit=abc").status_code == 400


@pytest.mark.parametrize("kind", ["faq", "image"])
def test_detail_queries_do_not_grow_with_blocks(
    demo, treatment_index, client, make_image, django_assert_max_num_queries, kind
):
    def body(n):
        if kind == "faq":
            return [faq_block()] * n
        return [
            {"type": "overview", "value": {"heading": "H", "what_it_is": "<p>x</p>", "image": make_image().pk}}
            for _ in range(n)
        ]

    small = make_treatment(treatment_index, body=body(1))
    large = make_treatment(treatment_index, body=body(12))
    client.get(f"/api/v2/pages/{small.pk}/")
    client.get(f"/api/v2/pages/{large.pk}/")  # renditions are generated on first request
    with CaptureQueriesContext(connection) as baseline:
        client.get(f"/api/v2/pages/{small.pk}/")
    with django_assert_max_num_queries(len(baseline)):
        assert client.get(f"/api/v2/pages/{large.pk}/").status_code == 200


def test_each_response_is_built_for_its_own_request(demo, treatment_index, client, settings):
    # Serializer fields are built once per thread and lent to each response: what they read
    # from the request (its site, and so the clinic details) must be each request's own.
    from wagtail.models import Site

    from clinic.models import ClinicSettings

    settings.CMS_API_CACHE_TIMEOUT = 0
    second_site = Site.objects.create(hostname="two.example", port=80, root_page=treatment_index)
    ClinicSettings.objects.create(site=second_site, name="Second Clinic", phone="503-555-0100")
    url = f"/api/v2/pages/{demo.pk}/"
    for _ in range(2):
        first = client.get(url).json()
        second = client.get(url, HTTP_HOST="two.example").json()
        assert first["clinic"]["name"] != "Second Clinic"
        assert second["clinic"]["name"] == "Second Clinic"
        assert first["body"] == second["body"] and first["meta"]["parent"]["id"] == second["meta"]["parent"]["id"]
        # Links name the Site each request reached (no WAGTAILAPI_BASE_URL): issue 12's right host.
        assert first["meta"]["parent"]["meta"]["detail_url"].startswith("http://localhost/")
        assert second["meta"]["parent"]["meta"]["detail_url"].startswith("http://two.example/")


def test_detail_urls_point_at_each_object(demo, client, make_image):
    # Detail URLs are reversed once and filled in per id: each must still be the object's own.
    from django.urls import reverse

    image = make_image()
    page = client.get(f"/api/v2/pages/{demo.pk}/").json()
    base = "http://localhost"  # the demo Site's root URL: no WAGTAILAPI_BASE_URL, no default port
    assert page["meta"]["detail_url"] == base + reverse("wagtailapi:pages:detail", args=(demo.pk,))
    parent_id = page["meta"]["parent"]["id"]
    assert page["meta"]["parent"]["meta"]["detail_url"] == base + reverse("wagtailapi:pages:detail", args=(parent_id,))
    images = client.get("/api/v2/images/").json()["items"]
    assert [i["meta"]["detail_url"] for i in images if i["id"] == image.pk] == [
        base + reverse("wagtailapi:images:detail", args=(image.pk,))
    ]
    listing = client.get("/api/v2/pages/?limit=100").json()["items"]
    assert all(item["meta"]["detail_url"].endswith(f"/api/v2/pages/{item['id']}/") for item in listing)
