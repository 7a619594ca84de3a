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
    # Related treatments need pages, before-and-after pairs images and an authorization in the
    # database: tests/photos and tests/treatments/test_before_after_block.py cover them.
    assert set(VALID) | {"related_treatments", "before_after"} == set(BODY.child_blocks)


@pytest.mark.parametrize("block_type", sorted(VALID))
def test_block_has_icon_template_description_and_preview(block_type):
    block = BODY.child_blocks[block_type]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.get_template() == f"treatments/blocks/{block_type}.html"
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
        # Governance records (a testimonial's consent) never reach public JSON.
        assert (key in data) is (key not in block.records)
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
    original = [size for size in data["image"]["srcset"] if size["aspect_ratio"] == "original"]
    assert [(size["format"], size["width"]) for size in original if size["format"] != "avif"] == [
        ("webp", 400),
        ("webp", 800),
        ("webp", 1200),
        ("png", 400),
        ("png", 800),
        ("png", 1200),
    ]


# Each block owns its rules and its wording.


def test_publishing_asks_each_block_not_a_list_of_type_names():
    from wagtail import blocks

    from treatments.blocks import SectionBlock
    from treatments.publish_checks import publish_problems

    class SignedOffBlock(SectionBlock):
        signed_off = blocks.BooleanBlock(required=False)

        class Meta:
            label = "Sign-off"

        def validate_for_publish(self, value, name):
            return [] if value["signed_off"] else [f"{name}: a sign-off is required before publishing."]

    stream = blocks.StreamBlock([("sign_off", SignedOffBlock()), ("faq", BODY.child_blocks["faq"])])
    value = stream.to_python(
        [
            {"type": "faq", "value": VALID["faq"]},
            {"type": "sign_off", "value": {"signed_off": True}},
            {"type": "sign_off", "value": {"signed_off": False}},
        ]
    )
    assert publish_problems(value) == ["Sign-off 2: a sign-off is required before publishing."]


@pytest.mark.parametrize("block_type", sorted(set(VALID) - {"testimonial", "safety"}))
def test_other_sections_ask_nothing_of_publishing(block_type):
    block, value = bound(block_type, VALID[block_type])
    assert block.validate_for_publish(value, "Name") == []


@pytest.mark.parametrize("name", ["consent on file", "consent date", "how it was given"])
def test_consent_facts_are_listed_once_for_the_field_and_the_publish_message(name):
    block = BODY.child_blocks["testimonial"]
    field, field_message = block.CONSENT_FIELDS[name]
    value = block.to_python({**VALID["testimonial"], field: None})
    assert block.validate_for_publish(value, "Testimonial 1 (Monica Z.)") == [
        f"Testimonial 1 (Monica Z.): {name} is required before publishing (the patient's consent to publish their words)."
    ]
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(value)
    assert list(excinfo.value.block_errors) == [field]
    assert f"Required before publishing. {field_message}" in str(excinfo.value.as_json_data())


def test_every_unsourced_claim_is_named():
    block = BODY.child_blocks["safety"]
    sourced = {"claim": "Used in 96 countries", "source": "Manufacturer"}
    value = block.to_python({**VALID["safety"], "claims": [sourced, {"claim": "Safe", "source": "  "}]})
    assert block.validate_for_publish(value, "Safety 1 (Safe?)") == [
        "Safety 1 (Safe?), claim 2: a source (citation or URL) is required before publishing."
    ]


@pytest.mark.parametrize(("low", "high", "shown"), [(30, 50, "30–50"), (40, 40, "40"), (0, 5, "0–5"), (3, None, "3")])
def test_a_range_reads_as_one_number_when_both_ends_are_the_same(low, high, shown):
    from treatments.blocks.formatting import number_range

    assert number_range(low, high) == shown


@pytest.mark.django_db
@pytest.mark.parametrize(("low", "high", "amount"), [(30, 50, "30–50"), (40, 40, "40")])
def test_dosage_template_and_json_ld_show_the_same_amount(low, high, amount, rf, demo):
    block, value = bound("dosage", {**VALID["dosage"], "typical_min": low, "typical_max": high})
    request = rf.get("/")
    request.site = Site.objects.get(is_default_site=True)
    html = block.render(value, context={"request": request, "page": demo, **settings_context(request)})
    assert BeautifulSoup(html, "html.parser").select_one(".stat__value").get_text() == amount
    schedule = block.json_ld(value)["MedicalTherapy"]["doseSchedule"]
    assert schedule["description"] == f"Typically {amount} units per treatment."
    assert schedule["doseValue"] == low


@pytest.mark.django_db
@pytest.mark.parametrize(("intro", "heading"), [("", "Substances to avoid"), ("Supplements to avoid", None)])
def test_prep_template_and_json_ld_read_the_same_lines(intro, heading, rf, demo):
    heading = heading or intro
    steps = [
        {"instruction": "Stop aspirin", "timing": "two weeks before"},
        {"instruction": "Drink water", "timing": ""},
    ]
    block, value = bound(
        "prep_instructions",
        {**VALID["prep_instructions"], "steps": steps, "substances_intro": intro, "substances_to_avoid": ["Fish oil"]},
    )
    request = rf.get("/")
    request.site = Site.objects.get(is_default_site=True)
    soup = BeautifulSoup(block.render(value, context={"request": request, "page": demo}), "html.parser")
    shown = [" ".join(li.get_text(" ").split()) for li in soup.select("ol > li")]
    assert shown == ["Two weeks before: Stop aspirin", "Drink water"]
    assert soup.select_one("h3").get_text() == heading
    assert block.json_ld(value)["MedicalTherapy"]["preparation"] == [*shown, f"{heading}: Fish oil."]
