"""/healthz and the 503 answer while the database is unreachable."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client, override_settings

from treatments.models import TreatmentPage

# Where a real Redis would be, but nothing listens: the cache the site uses during a Redis outage.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
    }
}
SECRET_DETAIL = "could not connect to server db-primary.internal:5432 password=hunter2"


def test_healthy_instance_answers_200_and_is_never_cached(db, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_unreachable_cache_answers_503(db, client):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}
    assert "no-store" in response["Cache-Control"]


def test_cache_raising_answers_503_without_details(db, client):
    with mock.patch("core.health.cache.set", side_effect=ConnectionError(SECRET_DETAIL)):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"] == "unavailable"
    assert b"db-primary" not in response.content and b"hunter2" not in response.content


def test_unreachable_database_answers_503_without_details(db, client):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError(SECRET_DETAIL)):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert b"db-primary" not in response.content and b"hunter2" not in response.content


def test_healthz_only_reads(db, client):
    response = client.post("/healthz")
    assert response.status_code == 405


@pytest.fixture
def server_client():
    """A client that receives the error pages visitors get, instead of the raised exception."""
    return Client(raise_request_exception=False)


def _database_down():
    return mock.patch.object(connection, "cursor", side_effect=OperationalError(SECRET_DETAIL))


def test_page_during_database_outage_is_a_clear_503(demo, server_client):
    with _database_down():
        response = server_client.get("/treatments/botox/")

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert "Temporarily unavailable" in body
    assert "db-primary" not in body and "hunter2" not in body


def test_api_during_database_outage_is_a_json_503(demo, server_client):
    with _database_down():
        response = server_client.get("/api/v2/pages/?type=treatments.TreatmentPage")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "message": "The service is temporarily unavailable. Please try again in a moment.",
        "code": "unavailable",
    }


def test_consultation_during_database_outage_is_refused_not_lost(demo, server_client):
    with _database_down():
        response = server_client.post(
            "/api/v2/consultations/",
            {"name": "Ana", "email": "ana@example.com", "message": "Hello", "consent": True},
            content_type="application/json",
        )

    assert response.status_code == 503
    assert "hunter2" not in response.content.decode()


def test_other_crashes_stay_500(demo, server_client):
    with mock.patch.object(TreatmentPage, "serve", side_effect=ValueError("a bug")):
        response = server_client.get("/treatments/botox/")

    assert response.status_code == 500
