"""CORS: front ends on the origins in CMS_FRONTEND_ORIGINS may read the API, nobody else."""

import importlib

import pytest
from wagtail.images import get_image_model

import cms.settings.base as base

ORIGIN = "https://www.clinic.example"


@pytest.fixture
def frontend(settings):
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN, "http://localhost:3000"]


def shipped_origins(monkeypatch, value=None):
    """CORS_ALLOWED_ORIGINS as cms.settings computes it for an environment."""
    if value is None:
        monkeypatch.delenv("CMS_FRONTEND_ORIGINS", raising=False)
    else:
        monkeypatch.setenv("CMS_FRONTEND_ORIGINS", value)
    try:
        return importlib.reload(base).CORS_ALLOWED_ORIGINS
    finally:
        monkeypatch.undo()
        importlib.reload(base)


def test_no_origin_is_allowed_by_default(demo, client, settings, monkeypatch):
    settings.CORS_ALLOWED_ORIGINS = shipped_origins(monkeypatch)
    assert settings.CORS_ALLOWED_ORIGINS == []
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


def test_allowed_origin_gets_the_header(demo, frontend, client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=ORIGIN)
    assert response.headers["access-control-allow-origin"] == ORIGIN
    assert "origin" in response.headers["vary"].lower()


def test_preflight_from_allowed_origin(demo, frontend, client):
    response = client.options("/api/v2/pages/", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ORIGIN
    assert "GET" in response.headers["access-control-allow-methods"]


def test_unknown_origin_gets_no_header(demo, frontend, client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


def test_only_the_api_is_shared(demo, frontend, client):
    site = client.get("/treatments/botox/", HTTP_ORIGIN=ORIGIN)
    assert site.status_code == 200
    assert "access-control-allow-origin" not in site.headers
    clinic = client.get("/api/v2/clinic/", HTTP_ORIGIN=ORIGIN)
    assert clinic.headers["access-control-allow-origin"] == ORIGIN


def test_origins_come_from_the_environment(monkeypatch):
    assert shipped_origins(monkeypatch, f"{ORIGIN}, http://localhost:3000 ,") == [ORIGIN, "http://localhost:3000"]


def test_preflight_advertises_only_the_methods_each_endpoint_serves(demo, frontend, client):
    # Issue 15: the read-only API never advertises DELETE, PATCH or PUT; the intake takes POST.
    def preflight(path, method="GET"):
        return client.options(
            path,
            HTTP_ORIGIN=ORIGIN,
            HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
        )

    for path in ["/api/v2/pages/", f"/api/v2/pages/{demo.pk}/", "/api/v2/clinic/", "/api/v2/openapi.json"]:
        response = preflight(path)
        assert response.headers["access-control-allow-methods"] == "GET, HEAD, OPTIONS", path
        assert "if-none-match" in response.headers["access-control-allow-headers"]
    intake = preflight("/api/v2/consultations/", "POST")
    assert intake.headers["access-control-allow-methods"] == "POST, OPTIONS"
    assert "idempotency-key" in intake.headers["access-control-allow-headers"]


def test_browser_code_may_read_the_validators_and_caching_headers(demo, frontend, client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=ORIGIN)
    exposed = {name.strip().lower() for name in response.headers["access-control-expose-headers"].split(",")}
    assert {"etag", "location", "retry-after", "cache-tag"} <= exposed


@pytest.mark.parametrize(
    ("path", "methods"),
    [
        ("/api/v2/pages/", "GET, HEAD, OPTIONS"),
        ("/api/v2/pages/{page}/", "GET, HEAD, OPTIONS"),
        ("/api/v2/pages/?html_path=/treatments/botox/&fields=*", "GET, HEAD, OPTIONS"),
        ("/api/v2/pages/find/?html_path=/treatments/botox/", "GET, HEAD, OPTIONS"),
        ("/api/v2/pages/999999/", "GET, HEAD, OPTIONS"),
        ("/api/v2/images/", "GET, HEAD, OPTIONS"),
        ("/api/v2/images/{image}/", "GET, HEAD, OPTIONS"),
        ("/api/v2/documents/", "GET, HEAD, OPTIONS"),
        ("/api/v2/clinic/", "GET, HEAD, OPTIONS"),
        ("/api/v2/page_preview/", "GET, HEAD, OPTIONS"),
        ("/api/v2/openapi.json", "GET, HEAD, OPTIONS"),
        ("/api/v2/consultations/", "POST, OPTIONS"),
        ("/api/v2/nothing-here/", "GET, HEAD, OPTIONS"),
    ],
)
def test_every_api_section_answers_another_origin_the_same_way(demo, frontend, client, path, methods):
    # Issue 15, checked per section: successes, redirects and errors (404, 400, 405) alike carry
    # the origin and the exposed headers, and each preflight names only the methods served there.
    path = path.format(page=demo.pk, image=get_image_model().objects.first().pk)
    response = client.get(path, HTTP_ORIGIN=ORIGIN)
    assert response.headers["access-control-allow-origin"] == ORIGIN, (path, response.status_code)
    exposed = {name.strip().lower() for name in response.headers["access-control-expose-headers"].split(",")}
    assert {"etag", "location", "retry-after", "cache-tag"} <= exposed
    preflight = client.options(
        path,
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD=methods.split(",")[0],
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    assert preflight.headers["access-control-allow-methods"] == methods
    assert "if-none-match" in preflight.headers["access-control-allow-headers"]
