"""JSON-LD of treatment pages: generated from the blocks, read back by a real extractor."""

import json

import extruct
import pytest
from bs4 import BeautifulSoup

from demo import botox
from tests.treatments.factories import faq_block, make_treatment


def _json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    documents = extruct.extract(response.content.decode(), syntaxes=["json-ld"], uniform=False)["json-ld"]
    assert len(documents) == 1, documents
    return documents[0]


def _nodes(document):
    return {node["@type"]: node for node in document["@graph"]}


def _demo_block(block_type):
    return next(block["value"] for block in botox.BODY if block["type"] == block_type)


def test_botox_page_describes_the_treatment_for_search_engines(client, reviewed_demo):
    document = _json_ld(client, "/treatments/botox/")
    assert document["@context"] == "https://schema.org"
    nodes = _nodes(document)
    assert set(nodes) == {"MedicalWebPage", "FAQPage", "MedicalClinic"}

    web_page = nodes["MedicalWebPage"]
    assert web_page["url"] == "http://localhost/treatments/botox/"
    assert web_page["lastReviewed"] == "2026-11-01"
    # The clinic's page gives Dr. Kim no job title: none is made up, so none is said.
    assert web_page["reviewedBy"] == {"@type": "Person", "name": "Dr. Michael Kim"}

    therapy = web_page["mainEntity"]
    assert therapy["@type"] == "MedicalTherapy"
    assert therapy["name"] == "BOTOX"
    assert therapy["description"].startswith("BOTOX is a brand name for a product based on botulinum toxin type A")
    assert "injected into specific muscles" in therapy["howPerformed"]
    assert therapy["doseSchedule"] == {
        "@type": "DoseSchedule",
        "doseValue": 30,
        "doseUnit": "units",
        "description": "Typically 30–50 units per treatment.",
    }
    assert therapy["drug"] == {"@type": "Drug", "name": "BOTOX", "nonProprietaryName": "botulinum toxin type A"}


def test_every_contraindication_side_effect_and_preparation_step_appears(client, demo):
    therapy = _nodes(_json_ld(client, "/treatments/botox/"))["MedicalWebPage"]["mainEntity"]
    criteria = _demo_block("candidate_criteria")
    assert [c["name"] for c in therapy["contraindication"]] == criteria["contraindications"]
    assert {c["@type"] for c in therapy["contraindication"]} == {"MedicalContraindication"}

    side_effects = _demo_block("side_effects")
    assert [o["name"] for o in therapy["adverseOutcome"]] == side_effects["common"] + side_effects["rare"]

    preparation = " ".join(therapy["preparation"])
    assert "Two weeks before: Stop taking aspirin or anti-inflammatory medications." in preparation
    for substance in _demo_block("prep_instructions")["substances_to_avoid"]:
        assert substance in preparation


def test_off_label_uses_are_indications_but_never_approved_ones(client, demo):
    therapy = _nodes(_json_ld(client, "/treatments/botox/"))["MedicalWebPage"]["mainEntity"]
    by_name = {indication["name"]: indication["@type"] for indication in therapy["indication"]}
    for use in _demo_block("off_label_uses")["uses"]:
        assert by_name[use] == "MedicalIndication"
    for area in botox.TREATMENT_AREAS:
        assert by_name[area["name"]] == "ApprovedIndication"
    assert len(by_name) == len(therapy["indication"])


def test_faq_page_holds_every_question_and_answer(client, demo):
    faq = _nodes(_json_ld(client, "/treatments/botox/"))["FAQPage"]
    items = _demo_block("faq")["items"]
    assert [q["name"] for q in faq["mainEntity"]] == [item["question"] for item in items]
    assert all(q["@type"] == "Question" and q["acceptedAnswer"]["@type"] == "Answer" for q in faq["mainEntity"])
    # Answers are plain text: no markup leaks into the structured data.
    assert faq["mainEntity"][0]["acceptedAnswer"]["text"].startswith("Many patients say that neuromodulator")
    assert "<p>" not in json.dumps(faq)


def test_clinic_is_a_medical_clinic_with_phone_and_address(client, demo):
    from clinic.models import ClinicSettings

    clinic = ClinicSettings.objects.get()
    clinic.street_address = "1 Main St"
    clinic.postal_code = "97205"
    clinic.save()
    node = _nodes(_json_ld(client, "/treatments/botox/"))["MedicalClinic"]
    assert node["name"] == "Dr. Michael Kim"
    assert node["telephone"] == "503-850-0414"
    assert node["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "1 Main St",
        "addressLocality": "Portland",
        "addressRegion": "OR",
        "postalCode": "97205",
        "addressCountry": "US",
    }


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_testimonials_never_become_review_stars(client, demo):
    document = _json_ld(client, "/treatments/botox/")
    for node in _walk(document):
        assert not {"review", "aggregateRating"} & set(node)
        assert node.get("@type") not in ("Review", "AggregateRating", "Rating")
    assert "Monica" not in json.dumps(document)


def test_faq_structured_data_can_be_switched_off_per_page(client, treatment_index):
    page = make_treatment(treatment_index, body=[faq_block(3)], show_faq_structured_data=False)
    nodes = _nodes(_json_ld(client, page.url))
    assert "FAQPage" not in nodes
    assert "Question 0?" in client.get(page.url).content.decode()  # still shown to visitors


def test_script_end_tag_in_content_cannot_break_out(client, treatment_index):
    question = "Is </script><script>alert(1)</script> safe & sound?"
    page = make_treatment(
        treatment_index,
        body=[{"type": "faq", "value": {"heading": "Q", "items": [{"question": question, "answer": "<p>Yes.</p>"}]}}],
    )
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "\\u003C/script\\u003E" in html
    faq = _nodes(_json_ld(client, page.url))["FAQPage"]
    assert faq["mainEntity"][0]["name"] == question


def test_api_field_equals_the_embedded_document(client, demo):
    embedded = _json_ld(client, "/treatments/botox/")
    response = client.get(f"/api/v2/pages/{demo.pk}/", {"fields": "structured_data"})
    assert response.status_code == 200
    assert response.json()["structured_data"] == embedded


@pytest.mark.parametrize("body", [[], [{"type": "call_to_action", "value": {}}]])
def test_page_without_medical_blocks_still_has_valid_document(client, treatment_index, body):
    page = make_treatment(treatment_index, body=body, summary="A short summary.")
    nodes = _nodes(_json_ld(client, page.url))
    assert set(nodes) == {"MedicalWebPage", "MedicalClinic"}
    therapy = nodes["MedicalWebPage"]["mainEntity"]
    assert therapy == {
        "@type": "MedicalTherapy",
        "@id": f"{page.full_url}#treatment",
        "name": page.title,
        "description": "A short summary.",
    }


def test_structured_data_costs_no_query_per_block(client, demo, django_assert_max_num_queries):
    client.get("/treatments/botox/")  # warm renditions and site caches
    # 13 measured: the JSON-LD reuses what the template fetched, nothing per block.
    with django_assert_max_num_queries(14):
        client.get("/treatments/botox/")


@pytest.mark.parametrize(
    "source",
    [
        "<p>Results last 3&ndash;4 months &amp; fade <b>gradually</b>.</p><p>Ask us.</p>",
        '<ul><li>Avoid <a linktype="page" id="3">aspirin</a></li><li>No &lt;alcohol&gt; for 24 h</li></ul>',
        '<p>Before</p><embed embedtype="image" id="1" format="left" alt="a &gt; b"/><p>after</p>',
    ],
)
def test_plain_text_of_rich_text_is_what_an_html_parser_reads(source):
    # Rich text takes a regex shortcut; it must read exactly like Django's parser-based strip_tags.
    import html
    import re

    from django.utils.html import strip_tags
    from wagtail.rich_text import RichText

    from treatments.structured_data import plain_text

    parsed = re.sub(r"\s+", " ", html.unescape(strip_tags(source))).strip()
    assert plain_text(RichText(source)) == parsed


@pytest.mark.parametrize(("low", "high", "amount"), [(30, 50, "30–50"), (40, 40, "40")])
def test_page_and_json_ld_state_the_same_dosage(client, treatment_index, low, high, amount):
    dosage = {"heading": "Units", "unit_name": "units", "typical_min": low, "typical_max": high}
    page = make_treatment(treatment_index, body=[{"type": "dosage", "value": dosage}])
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select_one(".block--dosage .stat__value").get_text() == amount
    therapy = _nodes(_json_ld(client, page.url))["MedicalWebPage"]["mainEntity"]
    assert therapy["doseSchedule"]["description"] == f"Typically {amount} units per treatment."
