"""Headless preview: an editor's draft through /api/v2/page_preview/, and only with a fresh token."""

import html
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield
from wagtail_headless_preview.models import PagePreview

from tests.treatments.factories import faq_block, make_treatment
from treatments.models import TreatmentPage

PREVIEW = "/api/v2/page_preview/"
CLIENT_URL = "http://front.example/api/preview"


@pytest.fixture
def headless(settings):
    settings.CMS_PREVIEW_CLIENT_URL = CLIENT_URL
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": CLIENT_URL}, "ENFORCE_TRAILING_SLASH": False}


@pytest.fixture
def draft(demo):
    """The BOTOX page with an unpublished edit to its title and summary."""
    page = TreatmentPage.objects.get(pk=demo.pk)
    page.title = "BOTOX (draft title)"
    page.summary = "A draft summary nobody outside the clinic may read yet."
    page.save_revision()
    return page.get_latest_revision_as_object()


def preview_url(token, content_type="treatments.treatmentpage", **extra):
    params = {"content_type": content_type, "token": token, **extra}
    return PREVIEW + "?" + "&".join(f"{k}={v}" for k, v in params.items())


def old_token(page, seconds_ago):
    """A genuine token for ``page`` as it would have been signed ``seconds_ago``."""
    signer = TreatmentPage.get_preview_signer()
    stamped = f"id={page.pk}{signer.sep}{signing.b62_encode(int(time.time()) - seconds_ago)}"
    token = signing.Signer.sign(signer, stamped)
    page.update_page_preview(token)
    return token


def faq_form_data(question, answer):
    """The admin form's data for a body of one FAQ (the editor builds it with JavaScript)."""
    item = {"value": {"question": question, "answer": rich_text(answer)}, "deleted": "", "order": "0", "id": ""}
    faq = {"heading": "Questions", "items": {"count": "1", "0": item}}
    return nested_form_data({"body": streamfield([("faq", faq)])})


def test_editor_previews_an_edit_in_the_front_end_and_on_the_site(treatment_index, headless, client, admin_user):
    page = make_treatment(treatment_index, body=[faq_block(1)], title="Dysport", slug="dysport")
    client.force_login(admin_user)
    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    form = querydict_from_html(edit_html, form_id="page-edit-form")
    form["title"] = "Dysport, edited in the admin"
    form.update(faq_form_data("Does it hurt?", "<p>Barely: a pinch.</p>"))
    preview_path = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])

    response = client.post(preview_path, data=form)
    assert response.json() == {"is_valid": True, "is_available": True}

    # The site's own preview still renders the draft as HTML.
    site = client.get(preview_path, {"mode": ""})
    assert site.status_code == 200
    assert "Dysport, edited in the admin" in site.content.decode()
    assert "Does it hurt?" in site.content.decode()

    # The front-end mode frames the client URL with a token for the draft.
    framed = client.get(preview_path, {"mode": "headless"}).content.decode()
    src = html.unescape(re.search(r'<iframe src="([^"]+)"', framed).group(1))
    assert src.startswith(CLIENT_URL + "?")
    query = parse_qs(urlsplit(src).query)
    assert query["content_type"] == ["treatments.treatmentpage"]

    client.logout()
    response = client.get(PREVIEW, {"content_type": query["content_type"][0], "token": query["token"][0]})
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Dysport, edited in the admin"
    assert data["id"] == page.pk
    (faq,) = data["body"]
    assert faq["value"]["items"][0]["question"] == "Does it hurt?"
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["title"] == "Dysport"


def test_preview_is_the_live_detail_shape_with_draft_values(draft, client):
    token = draft.create_page_preview().token
    preview = client.get(preview_url(token))
    live = client.get(f"/api/v2/pages/{draft.pk}/").json()

    assert preview.status_code == 200
    data = preview.json()
    assert data["title"] == "BOTOX (draft title)"
    assert data["summary"] == "A draft summary nobody outside the clinic may read yet."
    assert live["title"] == "BOTOX"
    # Apart from the edited text (and the JSON-LD made from it), the draft is what the live endpoint serves.
    edited = {"title", "summary", "structured_data"}
    assert data.keys() == live.keys()
    assert {k: v for k, v in data.items() if k not in edited} == {k: v for k, v in live.items() if k not in edited}
    assert "BOTOX (draft title)" in str(data.get("structured_data", data["title"]))


def test_preview_is_never_cached(draft, client):
    token = draft.create_page_preview().token
    response = client.get(preview_url(token))
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert "public" not in cache_control

    # The editor keeps typing: the same token shows the newer draft at once.
    draft.title = "BOTOX (second draft)"
    draft.update_page_preview(token)
    assert client.get(preview_url(token)).json()["title"] == "BOTOX (second draft)"


def test_live_endpoints_do_not_show_the_draft(draft, client):
    draft.create_page_preview()
    listing = client.get("/api/v2/pages/?type=treatments.TreatmentPage&fields=title,summary").json()
    assert [item["title"] for item in listing["items"]] == ["BOTOX"]
    assert "draft" not in listing["items"][0]["summary"]
    detail = client.get(f"/api/v2/pages/{draft.pk}/").json()
    assert detail["title"] == "BOTOX"
    assert "draft" not in detail["summary"]
    found = client.get("/api/v2/pages/find/?html_path=/treatments/botox/", follow=True).json()
    assert found["title"] == "BOTOX"
    site = client.get("/treatments/botox/").content.decode()
    assert "draft title" not in site


@pytest.mark.parametrize(
    "query, status",
    [
        ("", 400),
        ("?content_type=treatments.treatmentpage", 400),
        ("?token=abc", 400),
        ("?content_type=treatments.treatmentpage&token=forged:token", 403),
        ("?content_type=nope.nope&token=abc", 400),
        ("?content_type=not-a-type&token=abc", 400),
        ("?content_type=treatments.practitioner&token=abc", 400),
    ],
)
def test_without_a_valid_token_nothing_is_shown(draft, client, query, status):
    draft.create_page_preview()
    response = client.get(PREVIEW + query)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert "message" in response.json()
    assert "draft" not in response.content.decode()


def test_a_token_for_another_page_type_finds_nothing(draft, client):
    token = draft.create_page_preview().token
    response = client.get(preview_url(token, content_type="treatments.treatmentindexpage"))
    assert response.status_code == 404
    assert "draft" not in response.content.decode()


def test_a_tampered_token_is_refused(draft, client):
    token = draft.create_page_preview().token
    tampered = token.replace(f"id={draft.pk}", f"id={draft.pk + 1}")
    PagePreview.objects.create(token=tampered, content_type=draft.content_type, content_json=draft.to_json())
    response = client.get(preview_url(tampered))
    assert response.status_code == 403


def test_unknown_query_parameters_are_refused(draft, client):
    response = client.get(preview_url(draft.create_page_preview().token, child_of=3))
    assert response.status_code == 400
    assert "child_of" in response.json()["message"]


def test_an_expired_token_shows_nothing(draft, client, settings):
    settings.CMS_PREVIEW_TOKEN_MAX_AGE = 3600
    token = old_token(draft, seconds_ago=2 * 3600)
    response = client.get(preview_url(token))
    assert response.status_code == 403
    assert "expired" in response.json()["message"]
    assert "draft" not in response.content.decode()


def test_token_lifetime_is_configurable(draft, client, settings):
    token = old_token(draft, seconds_ago=2 * 3600)
    settings.CMS_PREVIEW_TOKEN_MAX_AGE = 3 * 3600
    assert client.get(preview_url(token)).json()["title"] == "BOTOX (draft title)"
    settings.CMS_PREVIEW_TOKEN_MAX_AGE = 3600
    assert client.get(preview_url(token)).status_code == 403


def test_front_end_mode_only_when_a_client_url_is_configured(demo, settings):
    settings.CMS_PREVIEW_CLIENT_URL = ""
    assert [mode for mode, _label in demo.preview_modes] == [""]
    settings.CMS_PREVIEW_CLIENT_URL = CLIENT_URL
    assert [mode for mode, _label in demo.preview_modes] == ["", "headless"]
    assert demo.default_preview_mode == ""


def test_a_page_not_yet_created_can_be_previewed(treatment_index, headless, client, admin_user):
    client.force_login(admin_user)
    add_args = ["treatments", "treatmentpage", treatment_index.pk]
    form = querydict_from_html(
        client.get(reverse("wagtailadmin_pages:add", args=add_args)).content.decode(), form_id="page-edit-form"
    )
    form.update({"title": "Dysport", "slug": "dysport", "summary": "A neuromodulator."})
    form.update(faq_form_data("How long does it last?", "<p>Three to four months.</p>"))
    preview_path = reverse("wagtailadmin_pages:preview_on_add", args=add_args)
    assert client.post(preview_path, data=form).json() == {"is_valid": True, "is_available": True}
    framed = client.get(preview_path, {"mode": "headless"}).content.decode()
    query = urlsplit(html.unescape(re.search(r'<iframe src="([^"]+)"', framed).group(1))).query

    client.logout()
    data = client.get(PREVIEW + "?" + query).json()
    assert data["id"] == 0
    assert data["title"] == "Dysport"
    assert data["meta"]["parent"]["id"] == treatment_index.pk
    assert data["body"][0]["value"]["items"][0]["question"] == "How long does it last?"
    assert not TreatmentPage.objects.filter(slug="dysport").exists()
