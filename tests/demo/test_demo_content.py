"""`load_demo_content` builds the BOTOX page fact for fact, and twice changes nothing."""

import json

import pytest
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import Page, Revision

from clinic.models import ClinicSettings, Practitioner
from treatments.models import TreatmentPage


def blocks_of(data, block_type):
    return [block["value"] for block in data["body"] if block["type"] == block_type]


@pytest.fixture
def botox_json(demo, client):
    response = client.get(f"/api/v2/pages/{demo.pk}/")
    assert response.status_code == 200
    return response.json()


def stored_body():
    return json.dumps(TreatmentPage.objects.get(slug="botox").body.get_prep_value(), cls=DjangoJSONEncoder)


@pytest.mark.django_db
def test_running_twice_changes_nothing():
    call_command("load_demo_content", verbosity=0)
    counts = (Page.objects.count(), Revision.objects.count(), Practitioner.objects.count())
    body = stored_body()
    call_command("load_demo_content", verbosity=0)
    assert (Page.objects.count(), Revision.objects.count(), Practitioner.objects.count()) == counts
    assert stored_body() == body
    # root, home, treatments index, BOTOX
    assert Page.objects.count() == 4


@pytest.mark.django_db
def test_creates_a_local_superuser():
    from django.contrib.auth import get_user_model

    call_command("load_demo_content", verbosity=0)
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("botox-demo")


def test_page_lives_at_treatments_botox(demo, client):
    response = client.get("/treatments/botox/")
    assert response.status_code == 200
    assert demo.get_url() == "/treatments/botox/"


def test_clinic_details(demo):
    clinic = ClinicSettings.objects.get()
    assert clinic.phone == "503-850-0414"
    assert clinic.phone_href == "tel:+15038500414"
    assert clinic.city == "Portland"


def test_page_fields(botox_json):
    assert botox_json["brand_name"] == "BOTOX"
    assert botox_json["generic_name"] == "botulinum toxin type A"
    assert botox_json["category"] == "neuromodulator"
    assert [a["name"] for a in botox_json["treatment_areas"]] == ["Forehead lines", "Scowl lines", "Crow's feet"]
    # The demo page has not been medically reviewed: the seed names no review, so none is invented.
    assert botox_json["reviewed_by"] is None and botox_json["last_reviewed"] is None
    assert botox_json["clinic"]["phone"] == "503-850-0414"


def test_overview_and_what_to_expect(botox_json):
    (overview,) = blocks_of(botox_json, "overview")
    assert "botulinum toxin type A" in overview["what_it_is"]
    assert "bacterial toxin botulin" in overview["what_it_is"]
    assert "blocking signals from the nerves" in overview["how_it_works"]
    (expect,) = blocks_of(botox_json, "what_to_expect")
    assert expect["setting"] == "outpatient"
    assert expect["anesthesia"] == "none"
    assert expect["duration"] == "A few minutes"
    assert "very fine needles" in expect["description"]


def test_candidate_criteria(botox_json):
    (criteria,) = blocks_of(botox_json, "candidate_criteria")
    assert "adult age" in criteria["intro"] and "Dr. Michael Kim" in criteria["intro"]
    assert criteria["contraindications"] == [
        "Women who are pregnant or breastfeeding",
        "People with certain neuromuscular medical conditions",
    ]
    assert criteria["possible_exclusions"] == [
        "Have had facial surgery",
        "Have difficulty swallowing",
        "Have weakness in your forehead muscles",
    ]
    assert "Dr. Kim can tell you if BOTOX injections are recommended" in criteria["closing_note"]


def test_dosage_safety_results(botox_json):
    (dosage,) = blocks_of(botox_json, "dosage")
    assert (dosage["typical_min"], dosage["typical_max"], dosage["unit_name"]) == (30, 50, "units")
    (safety,) = blocks_of(botox_json, "safety")
    claims = " ".join(c["claim"] for c in safety["claims"])
    assert "15 years of clinical studies" in claims
    assert "96 countries" in claims
    assert "nearly 500 articles" in claims
    assert all(c["source"] for c in safety["claims"])
    (results,) = blocks_of(botox_json, "results")
    assert results["days_to_full_effect"] == 7
    assert (results["duration_min_months"], results["duration_max_months"]) == (3, 4)
    assert (results["visits_per_year_min"], results["visits_per_year_max"]) == (3, 4)


def test_faq(botox_json):
    (faq,) = blocks_of(botox_json, "faq")
    questions = [item["question"] for item in faq["items"]]
    assert questions == [
        "Are BOTOX Injections Painful?",
        "How Soon Will I See Results?",
        "Can BOTOX Be Used to Treat More than Forehead Lines, Scowl Lines, and Crow’s Feet?",
        "What Are the Side Effects of BOTOX Injections?",
        "What Should I Do to Prepare for BOTOX Injections?",
    ]
    answers = {item["question"]: item["answer"] for item in faq["items"]}
    assert "series of small pinches" in answers["Are BOTOX Injections Painful?"]
    assert "ice or topical numbing cream" in answers["Are BOTOX Injections Painful?"]
    assert "about seven days" in answers["How Soon Will I See Results?"]


def test_off_label_uses(botox_json):
    (off_label,) = blocks_of(botox_json, "off_label_uses")
    assert off_label["uses"] == [
        "Lift the mouth corners",
        "Soften vertical lines around the mouth",
        "Smooth out the chin",
        "Relax vertical cords in the neck",
        "Reshape and reduce the width of the jaw",
    ]
    assert off_label["off_label"] is True
    assert "off-label" in off_label["disclaimer"]


def test_side_effects(botox_json):
    (effects,) = blocks_of(botox_json, "side_effects")
    assert effects["common"] == ["Temporary bruising"]
    assert effects["rare"] == ["Drooping of an eyelid", "Headaches"]


def test_prep_instructions(botox_json):
    (prep,) = blocks_of(botox_json, "prep_instructions")
    first = prep["steps"][0]
    assert "aspirin" in first["instruction"] and "anti-inflammatory" in first["instruction"]
    assert first["timing"] == "two weeks before" and first["days_before"] == 14
    assert "reduce bruising" in first["reason"]
    assert prep["substances_to_avoid"] == ["Fish oil", "Ginkgo", "Ginger", "Garlic", "Ginseng"]


def test_testimonial(botox_json):
    (testimonial,) = blocks_of(botox_json, "testimonial")
    assert testimonial["attribution"] == "Monica Z."
    assert testimonial["quote"].startswith("Dr. Kim is my go to person for Botox since I moved.")
    assert testimonial["quote"].endswith("The results are always satisfying.")
    # The consent record stays in the admin (issue 14): the demo has it, the public JSON never shows it.
    assert not {"consent_on_file", "consent_date", "consent_method"} & set(testimonial)
    # The seed does not say whose patient Monica Z. was: no practitioner is attached.
    assert testimonial["practitioner"] is None


def test_call_to_action_and_phone(botox_json):
    ctas = blocks_of(botox_json, "call_to_action")
    assert len(ctas) == 2
    assert ctas[0]["heading"] == "Schedule Consultation"
    assert botox_json["clinic"]["consultation_url"] == "/consultation/"


def test_no_code_reads_the_shared_folder():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readers = [
        str(path.relative_to(root))
        for app in ("api", "cms", "core", "home", "treatments", "search", "seo", "consultations", "webhooks")
        for path in (root / app).rglob("*.py")
        if "../shared" in path.read_text() or "shared/seed" in path.read_text()
    ]
    assert readers == []


@pytest.mark.django_db
def test_site_address_can_be_set_and_is_kept():
    from wagtail.models import Site

    call_command("load_demo_content", "--no-superuser", "--hostname", "127.0.0.1", "--port", "8000", verbosity=0)
    call_command("load_demo_content", "--no-superuser", verbosity=0)  # without flags: keeps the address
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page.specific_class.__name__) == ("127.0.0.1", 8000, "HomePage")
