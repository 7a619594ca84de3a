"""The endpoint's OpenAPI description is derived from the form, and the document's example is accepted."""

import re

import jsonschema
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
    assert props["consent"]["const"] is True, "anything but true is refused"
    name = props["name"]
    assert {key: name[key] for key in ("type", "minLength", "maxLength", "description")} == {
        "type": "string",
        "minLength": 1,
        "maxLength": 100,
        "description": "Your name",
    }
    assert "\\u202a-\\u202e" in name["pattern"], "text-direction overrides are refused"
    assert props["website"]["maxLength"] == 0, "the honeypot must stay empty"
    assert props["email"]["anyOf"] == [{"maxLength": 0}, {"format": "email"}], "empty, or an email address"
    assert props["preferred_time"]["enum"] == ["", "morning", "afternoon", "evening"]
    assert props["message"]["maxLength"] == 2000


def test_path_item_documents_every_answer():
    post = openapi_paths()[PATH]["post"]
    assert set(post["responses"]) == {"201", "400", "405", "409", "411", "413", "415", "429"}
    assert [p["name"] for p in post["parameters"]] == ["Idempotency-Key"]
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


@pytest.mark.parametrize(
    "value",
    ["503-555-0100", " 503-555-0100\u00a0", "+1 503 850 0414", "1234567", "123456", "1234567 ", "12345 7", "", "   "]
    + ["+0)-374 ", "abc", "+", "503 555 0100 ext 2", "(503) 555-0100"],
)
def test_phone_pattern_is_the_phone_rule(db, value):
    pattern = request_schema()["properties"]["phone"]["pattern"]
    form = ConsultationForm(data={"name": "Jane", "phone": value, "email": "j@example.com", "consent": "on"})
    form.is_valid()
    assert bool(re.search(pattern, value)) == ("phone" not in form.errors), value


def _validator(status="400"):
    schema = openapi_paths()[PATH]["post"]["responses"][status]["content"]["application/json"]["schema"]
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    "body",
    [{"name": ""}, {"consent": False}, {"email": "x"}, {"junk": 1}],
)
def test_a_400_matches_exactly_one_branch(post_json, payload, body):
    response = post_json({**payload, **body})
    assert response.status_code == 400
    _validator().validate(response.json())  # oneOf: exactly one branch matches


def test_a_body_that_is_not_json_matches_the_other_branch(client, db):
    response = client.post(PATH, data=b"{nope", content_type="application/json")
    _validator().validate(response.json())
    assert response.json()["code"] == "invalid_json"


@pytest.mark.parametrize(
    "change, code",
    [({"email": " jane@example.com"}, "invalid"), ({"name": "x" * 100 + " "}, "max_length")],
)
def test_json_strings_are_checked_as_sent(post_json, payload, change, code):
    response = post_json({**payload, **change})
    assert response.status_code == 400
    [field] = change
    assert [e["code"] for e in response.json()["errors"][field]] == [code]
