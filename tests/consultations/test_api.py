"""POST /api/v2/consultations/: accepted requests, and every kind of bad input refused with a clear 4xx."""

import json

import pytest

from consultations.models import ConsultationRequest
from tests.treatments.factories import make_treatment

from .conftest import API


def test_valid_request_is_stored_and_answered_with_a_reference(post_json, payload, demo):
    response = post_json(payload)
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"reference", "status", "created_at"}
    assert body["status"] == "new"
    stored = ConsultationRequest.objects.get()
    assert body["reference"] == stored.reference
    assert stored.reference.startswith("CR-") and len(stored.reference) == 11
    assert (stored.name, stored.email, stored.phone) == ("Jane Doe", "jane@example.com", "503-555-0100")
    assert stored.treatment_id == demo.pk
    assert stored.channel == "api"
    assert stored.status == "new"
    assert stored.consent is True


def test_minimal_request_with_phone_only(post_json, demo):
    response = post_json({"name": "Sam", "phone": "+1 503 555 0101", "consent": True, "email": None})
    assert response.status_code == 201
    assert ConsultationRequest.objects.get().treatment is None


def test_referer_is_recorded_without_query_string(post_json, payload):
    post_json(payload, HTTP_REFERER="https://front.example/treatments/botox/?email=jane@example.com#book")
    assert ConsultationRequest.objects.get().source_page == "https://front.example/treatments/botox/"


def test_response_is_never_cached(post_json, payload):
    response = post_json(payload)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_requests_cannot_be_read_or_changed(client, post_json, payload, method):
    post_json(payload)
    response = getattr(client, method)(API)
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert "Jane" not in response.content.decode()
    assert response.json()["code"] == "method_not_allowed"


def _errors(response):
    assert response.status_code == 400, response.content
    return response.json()["errors"]


@pytest.mark.parametrize(
    "change, field, code",
    [
        ({"name": ""}, "name", "required"),
        ({"name": None}, "name", "invalid_type"),
        ({"consent": False}, "consent", "required"),
        ({"email": "not-an-email"}, "email", "invalid"),
        ({"phone": "call me maybe"}, "phone", "invalid"),
        ({"preferred_time": "midnight"}, "preferred_time", "invalid_choice"),
        ({"name": "x" * 101}, "name", "max_length"),
        ({"message": "x" * 2001}, "message", "max_length"),
        ({"email": "a" * 250 + "@example.com"}, "email", "max_length"),
        ({"consent": "yes"}, "consent", "invalid_type"),
        ({"consent": 1}, "consent", "invalid_type"),
        ({"treatment": "abc"}, "treatment", "invalid_type"),
        ({"treatment": "5"}, "treatment", "invalid_type"),
        ({"treatment": 5.0}, "treatment", "invalid_type"),
        ({"treatment": True}, "treatment", "invalid_type"),
        ({"treatment": 999_999}, "treatment", "invalid_choice"),
        ({"treatment": 10**30}, "treatment", "invalid_choice"),
        ({"treatment": -1}, "treatment", "invalid_choice"),
        ({"name": ["Jane"]}, "name", "invalid_type"),
        ({"name": {"first": "Jane"}}, "name", "invalid_type"),
        ({"name": 42}, "name", "invalid_type"),
        ({"name": "Jane\x00Doe"}, "name", "null_characters_not_allowed"),
        ({"name": "\ud800"}, "name", "invalid_text"),
        ({"shoe_size": 42}, "shoe_size", "unknown_field"),
        ({"status": "booked"}, "status", "unknown_field"),
        ({"notes": "VIP"}, "notes", "unknown_field"),
        ({"website": "http://spam.example"}, "website", "honeypot"),
    ],
)
def test_bad_field_is_refused_and_nothing_is_written(post_json, payload, change, field, code):
    errors = _errors(post_json({**payload, **change}))
    assert [e["code"] for e in errors[field]] == [code]
    assert all(e["message"] for e in errors[field])
    assert not ConsultationRequest.objects.exists()


def test_missing_fields_are_listed(post_json, demo):
    errors = _errors(post_json({}))
    assert {"name", "consent", "non_field_errors"} <= set(errors)
    assert errors["non_field_errors"][0]["code"] == "contact_required"


def test_email_or_phone_is_required(post_json, payload):
    errors = _errors(post_json({**payload, "email": "", "phone": None}))
    assert errors["non_field_errors"][0]["message"].startswith("Please give an email address or a phone number")


def test_draft_treatment_is_refused(post_json, payload, treatment_index):
    draft = make_treatment(treatment_index, publish=False)
    assert [e["code"] for e in _errors(post_json({**payload, "treatment": draft.pk}))["treatment"]] == [
        "invalid_choice"
    ]


def test_private_treatment_is_refused(post_json, payload, treatment_index):
    from wagtail.models import PageViewRestriction

    private = make_treatment(treatment_index)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    assert _errors(post_json({**payload, "treatment": private.pk}))["treatment"][0]["code"] == "invalid_choice"


def test_unpublished_treatment_is_refused(post_json, payload, treatment_index):
    page = make_treatment(treatment_index)
    assert post_json({**payload, "treatment": page.pk}).status_code == 201
    page.unpublish()
    assert post_json({**payload, "treatment": page.pk}).status_code == 400


@pytest.mark.parametrize(
    "body, content_type, status, code",
    [
        (b"name=Jane&consent=true", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
        (b'{"name": "Jane"}', "text/plain", 415, "unsupported_media_type"),
        (b'{"name": "Jane"}', "application/json; charset=latin-1", 415, "unsupported_media_type"),
        (b"{not json", "application/json", 400, "invalid_json"),
        (b"   ", "application/json", 400, "invalid_json"),
        (b"", "", 415, "unsupported_media_type"),
        (b"\xff\xfe\x00", "application/json", 400, "invalid_json"),
        (b'["a", "list"]', "application/json", 400, "invalid_json"),
        (b'"just a string"', "application/json", 400, "invalid_json"),
        (b"null", "application/json", 400, "invalid_json"),
        (b'{"name": NaN}', "application/json", 400, "invalid_json"),
        (b"[" * 5000 + b"]" * 5000, "application/json", 400, "invalid_json"),
    ],
)
def test_body_that_is_not_a_json_object(client, demo, body, content_type, status, code):
    response = client.post(API, data=body, content_type=content_type)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == code
    assert not ConsultationRequest.objects.exists()


def test_oversized_body_is_refused_with_413(client, payload):
    body = json.dumps({**payload, "message": "x" * 20_000})
    response = client.post(API, data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert not ConsultationRequest.objects.exists()


def test_oversized_body_with_a_lying_content_length_is_refused(client, payload):
    body = json.dumps({**payload, "message": "x" * 20_000}).encode()
    # The declared length is small, the stream is not: only the first bytes are read, then refused.
    response = client.generic("POST", API, data=body, content_type="application/json", CONTENT_LENGTH="17000")
    assert response.status_code == 413


def test_html_is_stored_as_text(post_json, payload):
    script = '<script>alert("x")</script><b>bold</b>'
    assert post_json({**payload, "name": script[:100], "message": script}).status_code == 201
    assert ConsultationRequest.objects.get().message == script


def test_query_count(post_json, payload, django_assert_max_num_queries):
    post_json(payload)  # warm Wagtail's site cache
    # Two more since issue 12: the site (Wagtail's public lookup) and the change sequence number.
    with django_assert_max_num_queries(10):
        assert post_json(payload).status_code == 201
