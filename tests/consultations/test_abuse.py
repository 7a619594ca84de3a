"""Abuse: the honeypot and the per-address rate limit, on the site form and the API."""

from datetime import timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time

from consultations.models import ConsultationRequest

from .conftest import API, FORM


def test_honeypot_on_the_site_looks_like_success_but_stores_and_sends_nothing(
    client, clinic, form_data, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, {**form_data, "website": "http://cheap-pills.example"})
    assert response.status_code == 302
    assert response["Location"] == "/consultation/thanks/"
    assert not ConsultationRequest.objects.exists()
    assert mailoutbox == []
    assert "CR-" not in client.get("/consultation/thanks/").content.decode()


def test_honeypot_in_the_api_is_a_400(post_json, payload):
    response = post_json({**payload, "website": "x"})
    assert response.status_code == 400
    assert response.json()["errors"]["website"][0]["code"] == "honeypot"
    assert not ConsultationRequest.objects.exists()


def test_the_eleventh_request_in_an_hour_is_refused_then_allowed_after_the_window(post_json, payload):
    start = timezone.now()
    with freeze_time(start) as clock:
        for _ in range(10):
            assert post_json(payload).status_code == 201
        refused = post_json(payload)
        assert refused.status_code == 429
        assert refused.json()["code"] == "rate_limited"
        assert 1 <= int(refused["Retry-After"]) <= 3600
        assert ConsultationRequest.objects.count() == 10
        clock.move_to(start + timedelta(seconds=int(refused["Retry-After"]) + 1))
        assert post_json(payload).status_code == 201
    assert ConsultationRequest.objects.count() == 11


def test_the_limit_is_per_address(post_json, payload, settings):
    settings.CONSULTATION_RATE_LIMIT = "2/h"
    with freeze_time():
        assert post_json(payload).status_code == 201
        assert post_json(payload).status_code == 201
        assert post_json(payload).status_code == 429
        assert post_json(payload, REMOTE_ADDR="198.51.100.7").status_code == 201


def test_bad_requests_count_too(post_json, payload, settings):
    settings.CONSULTATION_RATE_LIMIT = "3/h"
    with freeze_time():
        for _ in range(3):
            assert post_json({"junk": True}).status_code == 400
        assert post_json(payload).status_code == 429


def test_site_form_shares_the_limit_and_answers_429_in_html(client, form_data, post_json, payload, settings):
    settings.CONSULTATION_RATE_LIMIT = "2/h"
    with freeze_time():
        assert post_json(payload).status_code == 201
        assert client.post(FORM, form_data).status_code == 302
        response = client.post(FORM, form_data)
    assert response.status_code == 429
    assert response["Retry-After"].isdigit()
    html = response.content.decode()
    assert "Too many requests" in html and "503-850-0414" in html
    assert ConsultationRequest.objects.count() == 2


def test_reading_the_form_is_not_limited(client, demo, settings):
    settings.CONSULTATION_RATE_LIMIT = "1/h"
    with freeze_time():
        for _ in range(3):
            assert client.get(FORM).status_code == 200


@pytest.mark.parametrize(
    "proxies, forwarded, limited_address",
    [(0, "203.0.113.9", "127.0.0.1"), (1, "203.0.113.9", "203.0.113.9"), (1, "10.0.0.1, 203.0.113.9", "203.0.113.9")],
)
def test_client_address_behind_trusted_proxies(rf, settings, proxies, forwarded, limited_address):
    from consultations.ratelimit import client_address

    settings.CONSULTATION_TRUSTED_PROXIES = proxies
    request = rf.post(API, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address("g", request) == limited_address


def test_ipv6_clients_are_grouped_by_64(rf):
    from consultations.ratelimit import client_address

    assert client_address("g", rf.post(API, REMOTE_ADDR="2001:db8:1:2:aaaa::1")) == "2001:db8:1:2::"
