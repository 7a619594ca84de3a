"""A testimonial's consent record never leaves through a public endpoint (issue 14).

Visitors and front ends see what the page shows: the quote, the attribution, the practitioner and
the disclosure (``material_connection``). Whether, when and how the patient consented is the
clinic's record, kept in the admin: not in the pages API (detail, listing, find), not in the
headless preview (it shows what the live page would show), not in the OpenAPI document, not in
the page's HTML or JSON-LD.

``TestimonialBlock.records`` names the consent fields; ``SectionBlock.get_api_representation`` and
the schema generator (api/openapi/blocks.py) leave them out.
"""

import json

import pytest

from treatments.models import TreatmentPage

CONSENT_FIELDS = ("consent_on_file", "consent_date", "consent_method")
SHOWN_FIELDS = ("quote", "attribution", "practitioner", "material_connection")
PAGES = "/api/v2/pages/"


def consent_keys(data):
    """Every consent key anywhere in a JSON value (dict keys, at any depth)."""
    found = []
    if isinstance(data, dict):
        found += [key for key in data if key in CONSENT_FIELDS]
        for value in data.values():
            found += consent_keys(value)
    elif isinstance(data, list):
        for value in data:
            found += consent_keys(value)
    return found


def patient_quotes(page_json):
    return [block["value"] for block in page_json["body"] if block["type"] == "testimonial"]


@pytest.mark.parametrize(
    "url",
    [
        "{pages}{id}/",
        "{pages}{id}/?fields=*",
        "{pages}?type=treatments.TreatmentPage&fields=*",
        "{pages}?fields=body&type=treatments.TreatmentPage",
        "{pages}find/?html_path=/treatments/botox/",
    ],
)
def test_no_consent_field_in_the_pages_api(demo, client, url):
    response = client.get(url.format(pages=PAGES, id=demo.pk), follow=True)
    assert response.status_code == 200
    assert "testimonial" in response.content.decode(), "the page's testimonial must be in this answer"
    assert consent_keys(response.json()) == []


def test_the_api_still_shows_what_visitors_see(demo, client):
    (testimonial,) = patient_quotes(client.get(f"{PAGES}{demo.pk}/").json())
    for field in SHOWN_FIELDS:
        assert field in testimonial
    assert testimonial["attribution"] == "Monica Z."


def test_no_consent_field_in_the_headless_preview(demo, client):
    draft = TreatmentPage.objects.get(pk=demo.pk)
    draft.save_revision()
    token = draft.get_latest_revision_as_object().create_page_preview().token
    response = client.get("/api/v2/page_preview/", {"content_type": "treatments.treatmentpage", "token": token})
    assert response.status_code == 200
    data = response.json()
    assert patient_quotes(data), "the draft's testimonial must be in the preview"
    assert consent_keys(data) == []


def test_the_openapi_document_does_not_describe_consent(db, client):
    document = client.get("/api/v2/openapi.json").json()
    testimonial = document["components"]["schemas"]["TestimonialBlock"]
    assert set(SHOWN_FIELDS) <= set(testimonial["properties"])
    assert consent_keys(document) == []
    assert not set(CONSENT_FIELDS) & set(testimonial.get("required", []))


def test_no_consent_in_the_pages_html_or_json_ld(demo, client):
    html = client.get("/treatments/botox/").content.decode()
    assert "Monica Z." in html
    for field in CONSENT_FIELDS:
        assert field not in html
    structured = client.get(f"{PAGES}{demo.pk}/").json().get("structured_data")
    assert consent_keys(json.loads(json.dumps(structured))) == []
