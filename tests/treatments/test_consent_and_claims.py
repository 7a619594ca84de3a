"""Consent and sources are enforced when publishing (not for drafts); absolute wording is warned about."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape

from clinic.models import Practitioner
from treatments.claims import claim_warnings
from treatments.models import TreatmentPage

from .editorial import make_user, page_form, patient_quote
from .factories import faq_block, make_treatment

pytestmark = pytest.mark.django_db

NO_CONSENT = {"type": "testimonial", "value": {"quote": "Lovely.", "attribution": "Monica Z."}}
UNSOURCED = {
    "type": "safety",
    "value": {"heading": "How safe is it?", "claims": [{"claim": "Used for decades", "source": ""}]},
}


@pytest.fixture
def superuser_client(client, django_user_model):
    """A superuser who is also a practitioner: only practitioners publish treatment pages (issue 13)."""
    chief = django_user_model.objects.create_superuser("chief", "chief@clinic.test", "pw")
    Practitioner.objects.create(name="Dr. Chief", user=chief)
    client.force_login(chief)
    return client


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("treatments", "treatmentpage", index.pk))


def body_errors(response):
    """The messages shown at the top of the body field (the StreamField's non-block errors)."""
    error = response.context["form"].errors.as_data()["body"][0]
    return [str(message) for e in error.non_block_errors.as_data() for message in e.messages]


# The model: every publish path.


def test_draft_without_consent_is_saved(demo, treatment_index):
    page = make_treatment(treatment_index, body=[NO_CONSENT], publish=False)
    assert not page.live
    assert page.get_latest_revision_as_object().body[0].value["attribution"] == "Monica Z."


def test_publishing_a_testimonial_without_consent_is_refused_naming_it(demo, treatment_index):
    page = make_treatment(treatment_index, body=[faq_block(), NO_CONSENT], publish=False)
    with pytest.raises(ValidationError) as excinfo:
        page.get_latest_revision().publish()
    assert excinfo.value.messages == [
        "Testimonial 1 (Monica Z.): consent on file, consent date and how it was given are required before "
        "publishing (the patient's consent to publish their words)."
    ]
    page.refresh_from_db()
    assert not page.live


def test_publishing_an_unsourced_claim_is_refused_naming_it(demo, treatment_index):
    page = make_treatment(treatment_index, body=[UNSOURCED], publish=False)
    with pytest.raises(ValidationError, match=r"Safety 1 \(How safe is it\?\), claim 1: a source"):
        page.get_latest_revision().publish()


def test_demo_page_passes_and_republishes(demo):
    demo.get_latest_revision().publish()
    demo.refresh_from_db()
    assert demo.live


# The admin: drafts saved, publish and submit refused, the message names the block.


def test_admin_saves_a_draft_without_consent(demo, treatment_index, superuser_client):
    response = superuser_client.post(add_url(treatment_index), page_form([patient_quote(consent=False)]))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = TreatmentPage.objects.get(slug="chemical-peel")
    assert not page.live
    assert page.get_latest_revision_as_object().body[0].value["quote"] == "The results are always satisfying."


@pytest.mark.parametrize("action", ["publish", "submit"])
def test_admin_refuses_publish_and_submit_without_consent(demo, treatment_index, superuser_client, action):
    body = [patient_quote(), patient_quote(consent=False, attribution="Sam P.")]
    response = superuser_client.post(add_url(treatment_index), page_form(body, action=action))
    assert response.status_code == 200
    assert body_errors(response) == [
        "Testimonial 2 (Sam P.): consent on file, consent date and how it was given are required before "
        "publishing (the patient's consent to publish their words)."
    ]
    html = response.content.decode()
    assert "Testimonial 2 (Sam P.)" in html
    assert "could not be created due to validation errors" in html
    assert not TreatmentPage.objects.filter(slug="chemical-peel").exists()


def test_admin_names_only_the_missing_consent_fact(demo, treatment_index, superuser_client):
    _, value = patient_quote()
    value["consent_method"] = ""
    response = superuser_client.post(add_url(treatment_index), page_form([("testimonial", value)], action="publish"))
    assert body_errors(response) == [
        "Testimonial 1 (Monica Z.): how it was given is required before publishing "
        "(the patient's consent to publish their words)."
    ]


def test_admin_publishes_with_consent(demo, treatment_index, superuser_client):
    response = superuser_client.post(add_url(treatment_index), page_form([patient_quote()], action="publish"))
    assert response.status_code == 302
    page = TreatmentPage.objects.get(slug="chemical-peel")
    assert page.live
    html = superuser_client.get(page.url).content.decode()
    assert "Individual results vary." in html


def test_admin_refuses_an_unsourced_claim_on_publish_but_saves_the_draft(demo, treatment_index, superuser_client):
    safety = (
        "safety",
        {
            "heading": "How safe is it?",
            "intro": "",
            "summary": "",
            "claims": {
                "count": "1",
                "0": {
                    "type": "item",
                    "value": {"claim": "Used for decades", "source": "", "source_url": ""},
                    "deleted": "",
                    "order": "0",
                    "id": "",
                },
            },
        },
    )
    refused = superuser_client.post(add_url(treatment_index), page_form([safety], action="publish"))
    assert refused.status_code == 200
    assert body_errors(refused) == [
        "Safety 1 (How safe is it?), claim 1: a source (citation or URL) is required before publishing."
    ]
    saved = superuser_client.post(add_url(treatment_index), page_form([safety]))
    assert saved.status_code == 302
    assert not TreatmentPage.objects.get(slug="chemical-peel").live


# Off-label uses: always labelled.


def test_off_label_uses_are_labelled_on_the_page_and_in_the_api(demo, client):
    html = client.get(demo.url).content.decode()
    assert "<strong>Off-label use</strong>" in html  # one notice for the list (issue 16)
    data = client.get(f"/api/v2/pages/{demo.pk}/").json()
    (off_label,) = [block["value"] for block in data["body"] if block["type"] == "off_label_uses"]
    assert off_label["off_label"] is True
    assert off_label["disclaimer"]


# The claims check: warnings, never errors.


def stream(*blocks):
    return TreatmentPage.body.field.stream_block.to_python(list(blocks))


def test_claims_check_names_block_and_phrase():
    warnings = claim_warnings(
        stream(
            faq_block(answer="<p>Our injections are <b>painless</b> and results are Guaranteed.</p>"),
            {"type": "side_effects", "value": {"heading": "Side effects", "common": ["No side effects at all"]}},
        )
    )
    assert warnings == [
        'FAQ 1 (Questions): "painless" is absolute wording a patient may read as a promise. Please check the wording.',
        'FAQ 1 (Questions): "guaranteed" is absolute wording a patient may read as a promise. Please check the wording.',
        'Side effects 1 (Side effects): "no side effects" is absolute wording a patient may read as a promise. '
        "Please check the wording.",
    ]


def test_fda_approved_is_only_flagged_inside_off_label_uses():
    safety = {"type": "safety", "value": {"heading": "Safety", "claims": [{"claim": "FDA-approved", "source": "FDA"}]}}
    off_label = {"type": "off_label_uses", "value": {"heading": "Off-label", "uses": ["FDA approved for jaw slimming"]}}
    warnings = claim_warnings(stream(safety, off_label))
    assert warnings == [
        'Off-label uses 1 (Off-label): "FDA-approved" is off-label uses are by definition not approved for this '
        "product. Please check the wording."
    ]


def test_claims_check_ignores_words_inside_other_words():
    assert claim_warnings(stream(faq_block(answer="<p>Semi-permanently painlessly risk-freeing.</p>"))) == []


@override_settings(CMS_CLAIM_WARNING_PHRASES=["miracle"], CMS_OFF_LABEL_WARNING_PHRASES=[])
def test_phrases_come_from_settings():
    assert len(claim_warnings(stream(faq_block(answer="<p>A miracle, painless.</p>")))) == 1


def test_demo_page_has_no_claim_warnings(demo):
    assert claim_warnings(demo.body) == []


def test_admin_warns_after_saving_but_saves(demo, treatment_index, superuser_client):
    _, value = patient_quote(quote="Totally painless and the results are permanent!")
    response = superuser_client.post(add_url(treatment_index), page_form([("testimonial", value)], action="publish"))
    assert response.status_code == 302
    assert TreatmentPage.objects.get(slug="chemical-peel").live
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings == [
        'Claims check: Testimonial 1 (Monica Z.): "painless" is absolute wording a patient may read as a promise. '
        "Please check the wording.",
        'Claims check: Testimonial 1 (Monica Z.): "permanent" is absolute wording a patient may read as a promise. '
        "Please check the wording.",
    ]


def test_editor_sees_the_warning_after_saving_a_draft(demo, treatment_index, client):
    client.force_login(make_user("erin", "Editors"))
    _, value = patient_quote(quote="Risk-free!", consent=False)
    response = client.post(add_url(treatment_index), page_form([("testimonial", value)]), follow=True)
    assert response.status_code == 200
    assert TreatmentPage.objects.filter(slug="chemical-peel").exists()
    assert escape('Claims check: Testimonial 1 (Monica Z.): "risk-free"') in response.content.decode()
