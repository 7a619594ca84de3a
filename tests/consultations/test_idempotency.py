"""Idempotency-Key on POST /api/v2/consultations/: a retry gets the first answer and writes nothing."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from consultations import idempotency
from consultations.models import ConsultationRequest, IdempotencyKey

from .conftest import API

KEY = "9b2f5e1c-3a4d-4c8e-9f70-2d6b8a1e4c55"


@pytest.fixture
def post_keyed(client, settings):
    settings.CONSULTATION_RATE_LIMIT = ""

    def _post(data, key=KEY, raw=None):
        body = raw if raw is not None else json.dumps(data)
        return client.post(API, data=body, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)

    return _post


def test_a_retry_gets_the_first_answer_and_writes_nothing(
    post_keyed, payload, clinic, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = post_keyed(payload)
        retry = post_keyed(payload)
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json(), "same reference, status and time"
    assert retry["Idempotent-Replayed"] == "true" and "Idempotent-Replayed" not in first
    assert ConsultationRequest.objects.count() == 1
    assert len(mailoutbox) == 1, "the clinic is told once"


def test_key_order_and_whitespace_do_not_make_a_different_body(post_keyed, payload):
    first = post_keyed(payload)
    reordered = json.dumps(dict(reversed(list(payload.items()))), indent=2)
    assert post_keyed(None, raw=reordered).json()["reference"] == first.json()["reference"]
    assert ConsultationRequest.objects.count() == 1


def test_the_same_key_with_another_body_is_refused(post_keyed, payload):
    first = post_keyed(payload)
    response = post_keyed({**payload, "name": "Someone Else"})
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "idempotency_key_reused"
    assert "Idempotency-Key" in body["message"] and "different request body" in body["message"]
    assert list(ConsultationRequest.objects.values_list("reference", flat=True)) == [first.json()["reference"]]


def test_a_quoted_key_is_the_same_key(post_keyed, payload):
    first = post_keyed(payload)
    assert post_keyed(payload, key=f'"{KEY}"').json() == first.json()


def test_without_a_key_every_post_is_a_request(post_json, payload):
    assert post_json(payload).json()["reference"] != post_json(payload).json()["reference"]
    assert ConsultationRequest.objects.count() == 2


@pytest.mark.parametrize("key", ["", "   ", "x" * 256, "two words", "clé-é", '"'])
def test_unusable_keys_are_refused(post_keyed, payload, key):
    response = post_keyed(payload, key=key)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_idempotency_key"
    assert "Idempotency-Key" in response.json()["message"]
    assert not ConsultationRequest.objects.exists()


def test_refused_requests_are_not_remembered(post_keyed, payload):
    assert post_keyed({**payload, "consent": False}).status_code == 400
    assert not IdempotencyKey.objects.exists()
    assert post_keyed(payload).status_code == 201, "the corrected request may use the same key"


def test_keys_are_kept_for_24_hours(post_keyed, payload):
    start = timezone.now()
    with freeze_time(start) as clock:
        first = post_keyed(payload).json()["reference"]
        clock.move_to(start + timedelta(hours=23, minutes=59))
        assert post_keyed(payload).json()["reference"] == first
        clock.move_to(start + timedelta(hours=24, minutes=1))
        later = post_keyed(payload)
        assert later.status_code == 201 and later.json()["reference"] != first
    assert ConsultationRequest.objects.count() == 2
    assert IdempotencyKey.objects.count() == 1, "the expired record was replaced"


def test_the_retention_command_purges_expired_keys(post_keyed, payload):
    post_keyed(payload, key="old-key")
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(hours=25))
    post_keyed(payload, key="fresh-key")
    out = StringIO()
    call_command("purge_consultation_requests", "--dry-run", stdout=out)
    assert "Would delete 1 expired idempotency key(s)" in out.getvalue()
    assert IdempotencyKey.objects.count() == 2
    call_command("purge_consultation_requests", stdout=out)
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["fresh-key"]
    assert ConsultationRequest.objects.count() == 2, "open requests stay"


def test_two_copies_at_the_same_moment_write_one_row(post_keyed, payload, monkeypatch):
    # The other copy commits between this request's lookup and its insert: the unique key decides.
    stored = {"reference": "CR-22222222", "status": "new", "created_at": "2026-01-01T00:00:00Z"}
    IdempotencyKey.objects.create(key=KEY, fingerprint=idempotency.fingerprint(payload), status=201, response=stored)
    real_first_answer = idempotency.first_answer
    calls = []

    def racing_first_answer(key, fingerprint):
        calls.append(key)
        return None if len(calls) == 1 else real_first_answer(key, fingerprint)

    monkeypatch.setattr(idempotency, "first_answer", racing_first_answer)
    response = post_keyed(payload)
    assert response.status_code == 201
    assert response.json() == stored
    assert not ConsultationRequest.objects.exists(), "this copy's row was rolled back"
