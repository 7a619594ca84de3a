"""The endpoint's OpenAPI description is derived from the form, and the document's example is accepted."""

import pytest
from django.urls import NoReverseMatch, reverse

from consultations.api import PATH, openapi_paths, request_schema
from consultations.forms import ConsultationForm


def test_request_schema_is_the_form():
    schema = request_schema()
    assert list(schema["properties"]) == list(ConsultationForm.base_fields)
    assert schema["required"] == ["name", "consent"]
    assert schema["additionalProperties"] is False
    props = schema["properties"]
    assert props["consent"]["type"] == "boolean"
    assert props["treatment"]["type"] == ["integer", "null"]
    assert props["name"] == {"type": "string", "maxLength": 100, "description": "Your name"}
    assert props["email"]["format"] == "email"
    assert props["preferred_time"]["enum"] == ["", "morning", "afternoon", "evening"]
    assert props["message"]["maxLength"] == 2000


def test_path_item_documents_every_answer():
    post = openapi_paths()[PATH]["post"]
    assert set(post["responses"]) == {"201", "400", "405", "413", "415", "429"}
    assert "Retry-After" in post["responses"]["429"]["headers"]
    assert post["requestBody"]["content"]["application/json"]["schema"] == request_schema()
    assert set(openapi_paths()) == {PATH}, "no GET, no other path"
    assert list(openapi_paths()[PATH]) == ["post"]


def test_documented_example_is_accepted(post_json, demo):
    example = openapi_paths()[PATH]["post"]["requestBody"]["content"]["application/json"]["example"]
    response = post_json({**example, "treatment": demo.pk})
    assert response.status_code == 201
    assert set(response.json()) == set(
        openapi_paths()[PATH]["post"]["responses"]["201"]["content"]["application/json"]["schema"]["required"]
    )


def test_project_document_includes_the_endpoint(client, db):
    try:
        url = reverse("api-openapi")
    except NoReverseMatch:
        pytest.skip("the project's OpenAPI document (api/openapi) is not routed in this checkout")
    document = client.get(url).json()
    assert document["paths"][PATH]["post"]["operationId"] == "createConsultationRequest"
    assert "get" not in document["paths"][PATH]
