"""Right host everywhere: absolute links name the Site and the request, or the front end; never :8000.

The demo Site answers on 127.0.0.1:8301 here, as after ``make run PORT=8301``.
"""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from consultations.models import ConsultationRequest
from webhooks.events import page_payload

from .test_production import _secret, _settings_probe

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1:8301"
FRONT = "https://www.clinic.example"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def on_8301(demo):
    """The demo Site served on port 8301, as ``make run PORT=8301`` loads it."""
    call_command("load_demo_content", "--no-superuser", "--hostname", "127.0.0.1", "--port", "8301", verbosity=0)
    demo.refresh_from_db()
    return demo


@pytest.fixture
def front_end(settings):
    settings.CMS_FRONTEND_BASE_URL = FRONT
    return FRONT


def _json_ld(html):
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(script)


def _canonical(html):
    return re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)


def test_no_setting_defaults_to_a_fixed_host_or_port():
    for name in ("base.py", "dev.py", "production.py", "test.py"):
        assert ":8000" not in (ROOT / "cms" / "settings" / name).read_text(), name


def test_api_detail_url_and_find_redirect_name_the_served_port(client, on_8301):
    detail = client.get(f"/api/v2/pages/{on_8301.pk}/", HTTP_HOST=HOST).json()
    assert detail["meta"]["detail_url"] == f"http://{HOST}/api/v2/pages/{on_8301.pk}/"
    assert detail["meta"]["html_url"] == f"http://{HOST}/treatments/botox/"
    assert detail["meta"]["parent"]["meta"]["detail_url"].startswith(f"http://{HOST}/api/v2/pages/")
    found = client.get("/api/v2/pages/find/?html_path=/treatments/botox/", HTTP_HOST=HOST)
    assert found.status_code == 302
    assert found["Location"].startswith(f"http://{HOST}/api/v2/pages/{on_8301.pk}/")


def test_password_reset_email_links_to_the_host_it_was_asked_on(client, db):
    get_user_model().objects.create_user("erin", "erin@clinic.example", "a-long-password-1")
    response = client.post("/admin/password_reset/", {"email": "erin@clinic.example"}, HTTP_HOST=HOST)
    assert response.status_code == 302
    from django.core import mail

    (message,) = mail.outbox
    assert f"http://{HOST}/admin/password_reset/confirm/" in message.body
    assert ":8000" not in message.body


def test_consultation_email_links_to_the_inbox_on_the_sites_port(
    client, on_8301, mailoutbox, django_capture_on_commit_callbacks
):
    from clinic.models import ClinicSettings

    ClinicSettings.objects.update(notification_email="frontdesk@clinic.example")
    payload = {"name": "Jane Doe", "email": "jane@example.com", "treatment": on_8301.pk, "consent": True}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v2/consultations/", payload, content_type="application/json", HTTP_HOST=HOST)
    assert response.status_code == 201, response.content
    pk = ConsultationRequest.objects.get().pk
    inspect = reverse("consultations_consultationrequest_modeladmin_inspect", args=[pk])
    (message,) = mailoutbox
    assert f"http://{HOST}{inspect}" in message.body


def test_consultation_email_uses_the_admin_address_when_set(
    client, on_8301, settings, mailoutbox, django_capture_on_commit_callbacks
):
    from clinic.models import ClinicSettings

    settings.WAGTAILADMIN_BASE_URL = "https://cms.clinic.example/"
    ClinicSettings.objects.update(notification_email="frontdesk@clinic.example")
    payload = {"name": "Jane Doe", "email": "jane@example.com", "treatment": on_8301.pk, "consent": True}
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/api/v2/consultations/", payload, content_type="application/json", HTTP_HOST=HOST)
    assert "https://cms.clinic.example/admin/consultations/" in mailoutbox[0].body


def test_page_canonical_json_ld_and_sitemap_name_the_served_port(client, on_8301):
    html = client.get("/treatments/botox/", HTTP_HOST=HOST).content.decode()
    assert _canonical(html) == f"http://{HOST}/treatments/botox/"
    graph = _json_ld(html)["@graph"]
    assert graph[0]["@id"] == f"http://{HOST}/treatments/botox/#webpage"
    sitemap = client.get("/sitemap.xml", HTTP_HOST=HOST).content
    locations = [node.text for node in ET.fromstring(sitemap).findall("sm:url/sm:loc", SITEMAP_NS)]
    assert f"http://{HOST}/treatments/botox/" in locations
    assert all(location.startswith(f"http://{HOST}/") for location in locations)


def test_front_end_host_names_the_pages_public_urls(client, on_8301, front_end):
    html = client.get("/treatments/botox/", HTTP_HOST=HOST).content.decode()
    assert _canonical(html) == f"{FRONT}/treatments/botox/"
    ids = {node["@type"]: node["@id"] for node in _json_ld(html)["@graph"]}
    assert ids["MedicalWebPage"] == f"{FRONT}/treatments/botox/#webpage"
    assert ids["MedicalClinic"] == f"{FRONT}/#clinic"
    web_page = _json_ld(html)["@graph"][0]
    assert web_page["url"] == f"{FRONT}/treatments/botox/"
    # Images are still served by the CMS, so they keep its host.
    assert re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1).startswith(f"http://{HOST}/")

    detail = client.get(f"/api/v2/pages/{on_8301.pk}/", HTTP_HOST=HOST).json()
    assert detail["meta"]["html_url"] == f"{FRONT}/treatments/botox/"
    assert detail["meta"]["parent"]["meta"]["html_url"] == f"{FRONT}/treatments/"
    assert detail["meta"]["detail_url"] == f"http://{HOST}/api/v2/pages/{on_8301.pk}/", "the API stays on the CMS"
    listing = client.get("/api/v2/pages/?fields=html_url", HTTP_HOST=HOST).json()["items"]
    assert {item["meta"]["html_url"] for item in listing} >= {f"{FRONT}/", f"{FRONT}/treatments/botox/"}

    sitemap = client.get("/sitemap.xml", HTTP_HOST=HOST).content
    locations = [node.text for node in ET.fromstring(sitemap).findall("sm:url/sm:loc", SITEMAP_NS)]
    assert f"{FRONT}/treatments/botox/" in locations
    assert all(location.startswith(f"{FRONT}/") for location in locations)


def test_front_end_host_names_the_webhook_url(on_8301, front_end):
    payload = page_payload(on_8301)
    assert payload["url"] == f"{FRONT}/treatments/botox/"
    assert payload["url_path"] == "/treatments/botox/"
    moved = page_payload(on_8301, old_url_path="/home/old-botox/")
    assert moved["old_url"] == f"{FRONT}/old-botox/"


def test_webhook_url_names_the_site_without_a_front_end(on_8301):
    assert page_payload(on_8301)["url"] == f"http://{HOST}/treatments/botox/"


def test_practitioner_and_location_pages_name_the_front_end(client, on_8301, front_end):
    html = client.get("/location/", HTTP_HOST=HOST).content.decode()
    assert _canonical(html) == f"{FRONT}/location/"
    assert _json_ld(html)["@id"] == f"{FRONT}/#clinic"


def test_production_admin_links_name_the_public_host_over_https(tmp_path):
    values = _settings_probe(
        "settings.WAGTAILADMIN_BASE_URL",
        tmp_path,
        SECRET_KEY=_secret(),
        ALLOWED_HOSTS="www.clinic.example,.clinic.example",
    )
    assert values == "https://www.clinic.example"
    values = _settings_probe(
        "[settings.WAGTAILADMIN_BASE_URL, settings.WAGTAILAPI_BASE_URL]",
        tmp_path,
        SECRET_KEY=_secret(),
        ALLOWED_HOSTS="www.clinic.example",
        WAGTAILADMIN_BASE_URL="https://admin.clinic.example",
    )
    assert values == ["https://admin.clinic.example", None]


@pytest.mark.parametrize("value", ["www.clinic.example", "ftp://clinic.example", "https://", "https://a.example/?x=1"])
def test_a_malformed_front_end_address_is_refused_by_check(settings, value):
    from core.checks import frontend_base_url

    settings.CMS_FRONTEND_BASE_URL = value
    assert [error.id for error in frontend_base_url()] == ["core.E002"]
    settings.CMS_FRONTEND_BASE_URL = "https://www.clinic.example/app"
    assert frontend_base_url() == []
