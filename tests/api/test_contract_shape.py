"""Issue 15: one request per page, fields that narrow, and one convention each, all true of the document."""

import re

import pytest

from tests.api.test_openapi import assert_valid
from tests.api.test_preview import draft, preview_url  # noqa: F401 (fixtures)

DETAIL = "/api/v2/pages/{id}/"
LISTING = "/api/v2/pages/"
Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


@pytest.fixture
def document(db):
    from api.openapi import build_document
    from cms.api import api_router

    return build_document(api_router)


def test_one_request_per_page_by_its_path(demo, client, document):
    response = client.get("/api/v2/pages/?html_path=/treatments/botox/&fields=*")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 1
    [page] = data["items"]
    assert page["id"] == demo.pk and page["meta"]["type"] == "treatments.TreatmentPage"
    # The page's own type, so fields=* is every field, as on the detail.
    detail = client.get(f"/api/v2/pages/{demo.pk}/").json()
    assert set(detail) <= set(page) and page["body"] == detail["body"]
    assert_valid(document, LISTING, data)
    # No trailing slash, the root, a path that is no page, another type: 1, 1, 0, 0 items.
    assert client.get("/api/v2/pages/?html_path=/treatments/botox").json()["meta"]["total_count"] == 1
    assert client.get("/api/v2/pages/?html_path=/").json()["items"][0]["meta"]["type"] == "home.HomePage"
    assert client.get("/api/v2/pages/?html_path=/nope/").json() == {"meta": {"total_count": 0}, "items": []}
    other_type = client.get("/api/v2/pages/?html_path=/treatments/botox/&type=home.HomePage").json()
    assert other_type["items"] == []
    # find/ keeps its redirect for Wagtail compatibility; the detail refuses html_path.
    assert client.get("/api/v2/pages/find/?html_path=/treatments/botox/").status_code == 302
    assert client.get(f"/api/v2/pages/{demo.pk}/?html_path=/").status_code == 400


def test_fields_narrow_the_detail_as_the_listing(demo, client, document):
    listing_item = client.get("/api/v2/pages/?type=treatments.TreatmentPage&fields=summary").json()["items"][0]
    detail = client.get(f"/api/v2/pages/{demo.pk}/?fields=summary").json()
    assert detail == listing_item
    assert set(detail) == {"id", "meta", "title", "summary"}
    bare = client.get(f"/api/v2/pages/{demo.pk}/?fields=_,summary").json()
    assert bare == {
        "id": demo.pk,
        "meta": {"type": "treatments.TreatmentPage"},
        "title": "BOTOX",
        "summary": demo.summary,
    }
    for data in (detail, bare):
        assert_valid(document, DETAIL, data)
    # Without fields the detail still sends every field.
    assert "body" in client.get(f"/api/v2/pages/{demo.pk}/").json()


def test_nested_selection_picks_keys_and_block_types(reviewed_demo, client, document):
    url = f"/api/v2/pages/{reviewed_demo.pk}/?fields=_,reviewed_by(name),clinic(phone),body(faq,testimonial)"
    data = client.get(url).json()
    assert data["reviewed_by"] == {"name": "Dr. Michael Kim"}
    assert data["clinic"] == {"phone": "503-850-0414"}
    assert [block["type"] for block in data["body"]] == ["testimonial", "faq"]
    assert_valid(document, DETAIL, data)
    listing = client.get("/api/v2/pages/?type=treatments.TreatmentPage&fields=treatment_areas(name)").json()
    assert listing["items"][0]["treatment_areas"][0] == {"name": "Forehead lines"}
    assert_valid(document, LISTING, listing)


@pytest.mark.parametrize(
    "fields, message",
    [
        ("nope", "unknown fields: nope"),
        ("body(nope)", "body has no nope (choose from "),
        ("reviewed_by(nope)", "reviewed_by has no nope (choose from bio, credentials"),
        ("title(x)", "'title' does not support nested fields"),
        ("-title", "title cannot be removed"),
        ("-id,-type", "id, type cannot be removed"),
        ("body(-faq)", "takes names only"),
        ("body(", "fields error"),
    ],
)
def test_bad_field_selections_are_a_clear_400(demo, client, document, fields, message):
    for url in (
        f"/api/v2/pages/{demo.pk}/?fields={fields}",
        f"/api/v2/pages/?type=treatments.TreatmentPage&fields={fields}",
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert message in response.json()["message"], response.json()
        assert response.json()["code"] == "bad_request"
        assert_valid(document, DETAIL, response.json(), status="400")


def test_timestamps_are_utc_with_z(demo, client, settings):
    assert settings.TIME_ZONE != "UTC"  # the site's zone must not leak into the API
    detail = client.get(f"/api/v2/pages/{demo.pk}/").json()
    assert Z.match(detail["meta"]["first_published_at"])
    listing = client.get("/api/v2/pages/?fields=*").json()
    assert all(Z.match(item["meta"]["first_published_at"]) for item in listing["items"])
    web_page = detail["structured_data"]["@graph"][0]
    assert Z.match(web_page["dateModified"])


def test_absent_optional_values_are_null_never_empty_strings(demo, client):
    data = client.get(f"/api/v2/pages/{demo.pk}/").json()

    def empty_strings(value, path=""):
        if value == "":
            yield path
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from empty_strings(item, f"{path}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from empty_strings(item, f"{path}[{index}]")

    assert list(empty_strings(data)) == []
    assert data["meta"]["search_description"] is None
    assert data["clinic"]["email"] is None
    assert data["treatment_areas"][0]["description"] is None
    cta = next(block for block in data["body"] if block["type"] == "call_to_action")
    assert cta["value"]["text"] is None
    assert list(empty_strings(client.get("/api/v2/clinic/").json())) == []


@pytest.mark.parametrize(
    "url, status, code",
    [
        ("/api/v2/pages/?limit=abc", 400, "bad_request"),
        ("/api/v2/pages/?locale=fr", 400, "bad_request"),
        ("/api/v2/pages/999999/", 404, "not_found"),
        ("/api/v2/nothing-here/", 404, "not_found"),
        ("/api/v2/clinic/?x=1", 400, "bad_request"),
        ("/api/v2/page_preview/", 400, "bad_request"),
        (
            "/api/v2/page_preview/?content_type=treatments.treatmentpage&token=forged:token",
            403,
            "preview_token_invalid",
        ),
    ],
)
def test_one_error_shape_everywhere(demo, client, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) <= {"message", "code", "errors"} and body["message"] and body["code"] == code
    assert client.post("/api/v2/pages/").json()["code"] == "method_not_allowed"
    assert client.get("/api/v2/consultations/").json()["code"] == "method_not_allowed"


def test_unknown_locale_is_a_clear_400(demo, client):
    response = client.get("/api/v2/pages/?locale=fr")
    assert response.status_code == 400
    assert response.json() == {"message": "locale 'fr' is not one of the site's languages", "code": "bad_request"}


def test_preview_and_clinic_validate_against_the_document(draft, client, document):  # noqa: F811
    token = draft.create_page_preview().token
    preview = client.get(preview_url(token))
    assert preview.status_code == 200
    assert_valid(document, "/api/v2/page_preview/", preview.json())
    narrowed = client.get(preview_url(token, fields="_,body(faq)"))
    assert_valid(document, "/api/v2/page_preview/", narrowed.json())
    assert_valid(document, "/api/v2/clinic/", client.get("/api/v2/clinic/").json())


def test_page_union_is_exact(document):
    schemas = document["components"]["schemas"]
    detail = document["paths"][DETAIL]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    labels = [variant["$ref"].rsplit("/", 1)[-1] for variant in detail["oneOf"]]
    assert "treatments.TreatmentPage" in labels and "home.HomePage" in labels
    for label in labels:
        page = schemas[label]
        assert page["required"] == ["id", "meta", "title"]
        assert page["properties"]["meta"]["required"] == ["type"]
        assert page["properties"]["meta"]["properties"]["type"] == {
            "const": label,
            "description": "The page type: the discriminator.",
        }
    listing = document["paths"][LISTING]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert listing["properties"]["items"]["items"] == detail
    graph = schemas["JsonLd"]["properties"]["@graph"]["items"]
    assert set(graph["discriminator"]["mapping"]) == {"MedicalWebPage", "FAQPage", "MedicalClinic"}


def test_working_filters_are_parameters_with_types(document):
    parameters = {p["name"]: p for p in document["paths"][LISTING]["get"]["parameters"]}
    assert parameters["category"]["schema"]["enum"][0] == "neuromodulator"
    assert "type=treatments.TreatmentPage" in parameters["category"]["description"]
    assert parameters["brand_name"]["schema"] == {"type": "string", "maxLength": 100}
    assert parameters["last_reviewed"]["schema"] == {"type": "string", "format": "date"}
    assert parameters["slug"]["schema"]["type"] == "string"
    assert parameters["locale"]["schema"]["enum"] == ["en"]
    for name in ("html_path", "type", "fields", "search", "order", "limit", "offset"):
        assert name in parameters, name
