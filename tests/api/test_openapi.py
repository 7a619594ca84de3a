"""The OpenAPI document: valid OpenAPI 3.1, typed block by block, and true of every response."""

import json

import jsonschema
import pytest
from django.core.management import call_command
from openapi_spec_validator import validate
from wagtail import blocks

from api.openapi import build_document
from clinic.models import Practitioner
from cms.api import api_router
from tests.api.content import every_block_body
from tests.photos.helpers import make_authorization
from tests.treatments.factories import make_treatment
from treatments.blocks import DosageBlock, TreatmentBodyBlock

OPENAPI = "/api/v2/openapi.json"


@pytest.fixture
def document(db):
    return build_document(api_router)


def response_validator(document, path, status="200"):
    """A jsonschema validator of one operation's JSON response, references resolved in the document."""
    schema = document["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    wrapper = {**schema, "components": document["components"]}
    return jsonschema.Draft202012Validator(wrapper, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def assert_valid(document, path, data, status="200"):
    errors = sorted(response_validator(document, path, status).iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_served_document_is_valid_openapi_31(demo, client):
    response = client.get(OPENAPI)
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_export_command_writes_the_served_document(demo, client, tmp_path):
    path = tmp_path / "openapi.json"
    call_command("export_openapi", str(path), verbosity=0)
    assert json.loads(path.read_text()) == client.get(OPENAPI).json()


def test_body_is_a_discriminated_union_of_every_block_type(document):
    body = document["components"]["schemas"]["treatments.TreatmentPage"]["properties"]["body"]
    mapping = body["items"]["discriminator"]["mapping"]
    assert body["items"]["discriminator"]["propertyName"] == "type"
    assert set(mapping) == set(TreatmentBodyBlock.base_blocks)
    assert len(body["items"]["oneOf"]) == len(mapping)


def test_block_values_follow_the_block_definitions(document):
    schemas = document["components"]["schemas"]
    dosage = schemas["DosageBlock"]
    assert dosage["required"] == ["heading", "unit_name", "typical_min", "typical_max", "explanation"]
    assert dosage["properties"]["typical_min"] == {
        "type": "integer",
        "minimum": 0,
        "maximum": 10000,
        "description": "Typical minimum amount.",
    }
    assert dosage["properties"]["heading"]["maxLength"] == 200
    assert dosage["properties"]["explanation"]["contentMediaType"] == "text/html"
    expect = schemas["WhatToExpectBlock"]["properties"]
    assert expect["anesthesia"]["enum"] == ["none", "topical", "local", "sedation", "general"]
    safety = schemas["SafetyBlock"]["properties"]["claims"]
    assert safety["minItems"] == 1 and safety["items"] == {"$ref": "#/components/schemas/SafetyClaimBlock"}
    # A testimonial's consent record is the clinic's, not part of the public contract.
    assert not {"consent_on_file", "consent_date", "consent_method"} & set(schemas["TestimonialBlock"]["properties"])
    # Choosers are the expanded objects the API sends, not ids.
    assert {"$ref": "#/components/schemas/Image"} in schemas["OverviewBlock"]["properties"]["image"]["anyOf"]
    assert schemas["Image"]["properties"]["srcset"]["items"] == {"$ref": "#/components/schemas/Rendition"}
    assert schemas["Rendition"]["required"] == ["url", "width", "height", "format", "aspect_ratio"]
    # What a block adds to its API JSON is stated on the block and shows up here.
    assert schemas["OffLabelUsesBlock"]["properties"]["off_label"] == {"const": True}
    assert "off_label" in schemas["OffLabelUsesBlock"]["required"]


def test_adding_a_field_to_a_block_changes_the_schema(db, monkeypatch):
    before = build_document(api_router)["components"]["schemas"]["DosageBlock"]
    assert "per_area" not in before["properties"]
    # The block definition, changed the way a developer would: one more child block.
    new_child = blocks.IntegerBlock(min_value=1, max_value=5, required=False)
    new_child.set_name("per_area")
    monkeypatch.setitem(DosageBlock.base_blocks, "per_area", new_child)
    dosage = TreatmentBodyBlock.base_blocks["dosage"]
    monkeypatch.setitem(dosage.child_blocks, "per_area", new_child)
    after = build_document(api_router)["components"]["schemas"]["DosageBlock"]
    assert after["properties"]["per_area"] == {"type": ["integer", "null"], "minimum": 1, "maximum": 5}
    assert "per_area" in after["required"]


def test_apps_contribute_paths_and_components(document):
    # Apps follow the contract: consultations.api adds paths (openapi_paths), clinic.api its shapes
    # (openapi_components); /api/v2/clinic/ is the api package's own.
    assert "/api/v2/clinic/" in document["paths"]
    assert "Practitioner" in document["components"]["schemas"]
    for path in [
        "/api/v2/pages/",
        "/api/v2/pages/{id}/",
        "/api/v2/pages/find/",
        "/api/v2/images/",
        "/api/v2/documents/",
    ]:
        assert path in document["paths"], path


def test_demo_responses_validate(demo, client, document):
    cases = [
        ("/api/v2/pages/", "/api/v2/pages/"),
        ("/api/v2/pages/?type=treatments.TreatmentPage&fields=*", "/api/v2/pages/"),
        ("/api/v2/pages/?fields=*", "/api/v2/pages/"),
        (f"/api/v2/pages/{demo.pk}/", "/api/v2/pages/{id}/"),
        (f"/api/v2/pages/{demo.get_parent().pk}/", "/api/v2/pages/{id}/"),
        (f"/api/v2/pages/{demo.get_parent().get_parent().pk}/", "/api/v2/pages/{id}/"),
        ("/api/v2/images/?fields=*", "/api/v2/images/"),
        ("/api/v2/documents/?fields=*", "/api/v2/documents/"),
        ("/api/v2/clinic/", "/api/v2/clinic/"),
    ]
    for url, path in cases:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid(document, path, response.json())


def test_every_block_type_validates(demo, treatment_index, client, document, make_image):
    image = make_image()
    practitioner = Practitioner.objects.create(name="Dr. Test", credentials="MD", photo=make_image(title="Face"))
    page = make_treatment(
        treatment_index,
        body=every_block_body(
            image=image, practitioner=practitioner, linked_page=demo, authorization=make_authorization()
        ),
        hero_image=image,
        reviewed_by=practitioner,
    )
    # Optional choosers left empty (a related treatment is required by the block).
    bare = make_treatment(treatment_index, body=every_block_body(linked_page=demo))
    for target, left_out in ((page, set()), (bare, {"before_after"})):  # a pair needs photos
        data = client.get(f"/api/v2/pages/{target.pk}/").json()
        assert {block["type"] for block in data["body"]} == set(TreatmentBodyBlock.base_blocks) - left_out
        assert_valid(document, "/api/v2/pages/{id}/", data)
    listing = client.get("/api/v2/pages/?type=treatments.TreatmentPage&fields=*&limit=100").json()
    assert_valid(document, "/api/v2/pages/", listing)
    image_detail = client.get(f"/api/v2/images/{image.pk}/").json()
    assert_valid(document, "/api/v2/images/{id}/", image_detail)


def test_the_schema_rejects_a_wrong_payload(demo, client, document):
    data = client.get(f"/api/v2/pages/{demo.pk}/").json()
    dosage = next(block for block in data["body"] if block["type"] == "dosage")
    dosage["value"]["typical_min"] = "thirty"
    assert list(response_validator(document, "/api/v2/pages/{id}/").iter_errors(data))


def test_errors_validate(demo, client, document):
    response = client.get("/api/v2/pages/?limit=abc")
    assert response.status_code == 400
    assert_valid(document, "/api/v2/pages/", response.json(), status="400")
