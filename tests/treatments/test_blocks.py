"""Every block type renders through its template, rejects bad values with a message,
and serializes to the API."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.settings.context_processors import settings as settings_context
from wagtail.models import Site

from treatments.blocks import TreatmentBodyBlock

BODY = TreatmentBodyBlock()

VALID = {
    "overview": {
        "heading": "What is it?",
        "what_it_is": "<p>A neuromodulator.</p>",
        "how_it_works": "<p>It relaxes.</p>",
    },
    "what_to_expect": {
        "heading": "Expect",
        "setting": "outpatient",
        "anesthesia": "topical",
        "duration": "20 minutes",
        "description": "<p>Quick.</p>",
    },
    "candidate_criteria": {
        "heading": "Who?",
        "good_candidates": ["Adults"],
        "contraindications": ["Pregnancy"],
        "possible_exclusions": ["Facial surgery"],
        "closing_note": "Ask us.",
    },
    "dosage": {"heading": "Units", "unit_name": "units", "typical_min": 30, "typical_max": 50},
    "safety": {
        "heading": "Safe?",
        "claims": [{"claim": "Used in 96 countries", "source": "Manufacturer", "source_url": "https://example.org/"}],
    },
    "results": {
        "heading": "Results",
        "days_to_full_effect": 7,
        "duration_min_months": 3,
        "duration_max_months": 4,
        "visits_per_year_min": 3,
        "visits_per_year_max": 4,
    },
    "side_effects": {"heading": "Side effects", "common": ["Bruising"], "rare": ["Headache"]},
    "prep_instructions": {
        "heading": "Prepare",
        "steps": [{"instruction": "Stop aspirin", "timing": "two weeks before", "days_before": 14}],
        "substances_to_avoid": ["Fish oil"],
    },
    "off_label_uses": {"heading": "Other uses", "uses": ["Jaw slimming"], "disclaimer": "These uses are off-label."},
    "faq": {"heading": "FAQ", "items": [{"question": "Does it hurt?", "answer": "<p>A little.</p>"}]},
    "testimonial": {
        "quote": "Great results.",
        "attribution": "Monica Z.",
        "consent_on_file": True,
        "consent_date": "2026-11-01",
        "consent_method": "written",
    },
    "call_to_action": {"heading": "Book now", "button_label": "Schedule Consultation"},
}

# Text each block's template must show to a visitor.
SHOWN = {
    "overview": ["What is it?", "A neuromodulator."],
    "what_to_expect": ["Outpatient", "Topical numbing", "20 minutes"],
    "candidate_criteria": ["Adults", "Pregnancy", "Facial surgery", "Ask us."],
    "dosage": ["30–50", "units"],
    "safety": ["Used in 96 countries", "Manufacturer"],
    "results": ["7 days", "3–4 months", "3–4 a year"],
    "side_effects": ["Bruising", "Headache"],
    "prep_instructions": ["Stop aspirin", "Two weeks before", "Fish oil"],
    "off_label_uses": ["Jaw slimming", "Off-label"],
    "faq": ["Does it hurt?", "A little."],
    "testimonial": ["Great results.", "Monica Z.", "results vary"],
    "call_to_action": ["Book now", "Schedule Consultation"],
}


def bound(block_type, raw):
    block = BODY.child_blocks[block_type]
    return block, block.to_python(raw)


def test_every_block_type_has_a_case():
    assert set(VALID) | {"related_treatments"} == set(BODY.child_blocks)


@pytest.mark.parametrize("block_type", sorted(VALID))
def test_block_has_icon_template_description_and_preview(block_type):
    block = BODY.child_blocks[block_type]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.template == f"treatments/blocks/{block_type}.html"
    assert block.get_description()
    assert block.get_preview_value()
    block.clean(block.normalize(block.get_preview_value()))


@pytest.mark.django_db
@pytest.mark.parametrize("block_type", sorted(VALID))
def test_block_renders_through_its_template(block_type, rf, demo):
    block, value = bound(block_type, VALID[block_type])
    request = rf.get("/")
    request.site = Site.objects.get(is_default_site=True)
    html = block.render(value, context={"request": request, "page": demo, **settings_context(request)})
    text = BeautifulSoup(html, "html.parser").get_text(" ")
    normalised = " ".join(text.split()).lower()
    for expected in SHOWN[block_type]:
        assert expected.lower() in normalised, f"{block_type} does not show {expected!r}: {normalised}"


@pytest.mark.parametrize("block_type", sorted(VALID))
def test_valid_values_pass(block_type):
    block, value = bound(block_type, VALID[block_type])
    block.clean(value)


@pytest.mark.parametrize(
    ("block_type", "change", "field", "message"),
    [
        ("dosage", {"typical_min": 60, "typical_max": 50}, "typical_max", "at least the minimum"),
        ("dosage", {"typical_min": -1}, "typical_min", "greater than or equal to 0"),
        (
            "results",
            {"duration_min_months": 6, "duration_max_months": 4},
            "duration_max_months",
            "at least the minimum",
        ),
        (
            "results",
            {"visits_per_year_min": 5, "visits_per_year_max": 2},
            "visits_per_year_max",
            "at least the minimum",
        ),
        ("safety", {"claims": [{"claim": "Safe", "source": "", "source_url": ""}]}, "claims", "required"),
        (
            "faq",
            {"items": [{"question": "Q?", "answer": "<p>A</p>"}, {"question": "q?", "answer": "<p>B</p>"}]},
            "items",
            "only once",
        ),
        ("faq", {"heading": ""}, "heading", "required"),
        ("off_label_uses", {"uses": []}, "uses", "minimum number of items is 1"),
        ("candidate_criteria", {"good_candidates": []}, "good_candidates", "minimum number of items is 1"),
        ("testimonial", {"attribution": ""}, "attribution", "required"),
        ("what_to_expect", {"anesthesia": "laughing-gas"}, "anesthesia", "valid choice"),
        ("prep_instructions", {"steps": []}, "steps", "minimum number of items is 1"),
        ("side_effects", {"common": []}, "common", "minimum number of items is 1"),
        ("overview", {"what_it_is": ""}, "what_it_is", "required"),
        ("call_to_action", {"button_label": "x" * 61}, "button_label", "at most 60"),
    ],
)
def test_bad_values_are_rejected_with_a_message(block_type, change, field, message):
    block, value = bound(block_type, {**VALID[block_type], **change})
    with pytest.raises((ValidationError, StructBlockValidationError)) as excinfo:
        block.clean(value)
    error = excinfo.value
    assert field in error.block_errors, error.block_errors
    assert message.lower() in str(error.as_json_data()).lower()


@pytest.mark.django_db
@pytest.mark.parametrize("block_type", sorted(VALID))
def test_block_serializes_to_api(block_type, rf):
    block, value = bound(block_type, VALID[block_type])
    data = block.get_api_representation(value, context={"request": rf.get("/")})
    for key in VALID[block_type]:
        assert key in data
    assert "linktype=" not in str(data)


def test_off_label_block_says_so_in_api(rf):
    block, value = bound("off_label_uses", VALID["off_label_uses"])
    assert block.get_api_representation(value, context={"request": rf.get("/")})["off_label"] is True


@pytest.mark.django_db
def test_images_in_blocks_are_expanded(make_image, rf):
    image = make_image()
    block, value = bound("overview", {**VALID["overview"], "image": image.pk})
    data = block.get_api_representation(value, context={"request": rf.get("/")})
    assert data["image"]["id"] == image.pk
    assert data["image"]["alt"] == "A patient's face after treatment"
    assert (data["image"]["width"], data["image"]["height"]) == (1200, 800)
    small, large = data["image"]["renditions"]["small"], data["image"]["renditions"]["large"]
    assert small["url"].endswith(".png") and small["width"] == 480
    assert large["width"] == 1200
