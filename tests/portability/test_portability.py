"""export_treatments / import_treatments: a site's treatments survive the trip to another site."""

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.images.rect import Rect
from wagtail.models import Page, Site

from clinic.models import Practitioner
from home.models import HomePage
from tests.photos.helpers import make_authorization, pair_block
from tests.treatments.factories import make_treatment
from treatments.blocks import TreatmentBodyBlock
from treatments.models import TreatmentIndexPage, TreatmentPage


def _files(folder):
    """Every file of an export, by relative path."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _export(folder):
    call_command("export_treatments", str(folder), verbosity=0)
    return _files(folder)


def _same_export(second, first):
    """Equal exports; on failure the JSON diff is readable."""
    assert json.loads(second.pop("treatments.json")) == json.loads(first.pop("treatments.json"))
    return second == first


def _empty_the_database():
    """Leave what a fresh install has: the tree root, Wagtail's welcome page as the site root."""
    site = Site.objects.get(is_default_site=True)
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    welcome = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
    site.root_page = welcome
    site.save()
    Practitioner.objects.all().delete()
    get_image_model().objects.all().delete()
    assert not TreatmentPage.objects.exists()


def test_demo_content_round_trips_into_an_empty_database(reviewed_demo, tmp_path, client):
    first = _export(tmp_path / "first")
    _empty_the_database()

    call_command("import_treatments", str(tmp_path / "first"), verbosity=0)

    assert _same_export(_export(tmp_path / "second"), dict(first))
    botox = TreatmentPage.objects.get(slug="botox")
    assert botox.pk != reviewed_demo.pk and botox.live
    assert botox.reviewed_by.name == "Dr. Michael Kim"
    assert isinstance(Site.objects.get(is_default_site=True).root_page.specific, HomePage)
    response = client.get("/treatments/botox/")
    assert response.status_code == 200
    assert "How Many Units Will I Need?" in response.content.decode()
    # Imported image files are stored as every upload is: under random names (core/image_uploads.py).
    names = [image.file.name for image in get_image_model().objects.all()]
    assert names and all(re.fullmatch(r"original_images/[0-9a-f]{32}\.(jpg|png)", name) for name in names), names


@pytest.fixture
def every_block_site(reviewed_demo, treatment_index, make_image):
    """Generated treatments using every block type, images, a practitioner and links between pages.

    Next to the demo as reviewed by Dr. Kim, so the export holds two practitioners.
    """
    hero = make_image("Hero photo", size=(640, 400))
    hero.set_focal_point(Rect(100, 100, 300, 300))
    hero.save()
    overview_image = make_image("Syringe close-up", size=(300, 200), description="A fine needle")
    portrait = make_image("Portrait", size=(200, 200), description="Dr. Rivera smiling")
    practitioner = Practitioner.objects.create(
        name="Dr. Ana Rivera", credentials="MD", job_title="Dermatologist", bio="Skin.", photo=portrait
    )
    other = make_treatment(treatment_index, title="Fillers", slug="fillers")
    draft = make_treatment(treatment_index, title="Laser", slug="laser", publish=False)
    index_link = f'<a linktype="page" id="{treatment_index.pk}">all treatments</a>'
    body = [
        {
            "type": "overview",
            "value": {
                "heading": "What is it?",
                "what_it_is": f'<p>See <a linktype="page" id="{other.pk}">fillers</a> and {index_link}.</p>',
                "how_it_works": '<p>Read <a href="https://example.org/study">the study</a>.</p>',
                "image": overview_image.pk,
            },
        },
        {
            "type": "what_to_expect",
            "value": {
                "heading": "Expect",
                "setting": "in_office",
                "anesthesia": "topical",
                "duration": "20 minutes",
                "description": "<p>Quick.</p>",
            },
        },
        {
            "type": "candidate_criteria",
            "value": {
                "heading": "Candidates",
                "intro": "Adults.",
                "good_candidates": ["Adults"],
                "contraindications_intro": "Not for:",
                "contraindications": ["Pregnancy"],
                "possible_exclusions_intro": "",
                "possible_exclusions": [],
                "closing_note": "Ask us.",
            },
        },
        {
            "type": "dosage",
            "value": {"heading": "Dose", "unit_name": "ml", "typical_min": 1, "typical_max": 2, "explanation": ""},
        },
        {
            "type": "safety",
            "value": {
                "heading": "Safety",
                "intro": "",
                "claims": [{"claim": "Studied", "source": "A journal", "source_url": "https://example.org/"}],
                "summary": "",
            },
        },
        {
            "type": "results",
            "value": {
                "heading": "Results",
                "days_to_full_effect": 14,
                "duration_min_months": 6,
                "duration_max_months": 12,
                "visits_per_year_min": 1,
                "visits_per_year_max": 2,
                "description": "<p>Lasting.</p>",
            },
        },
        {"type": "side_effects", "value": {"heading": "Side effects", "common": ["Swelling"], "rare": [], "note": ""}},
        {
            "type": "prep_instructions",
            "value": {
                "heading": "Prepare",
                "steps": [{"instruction": "No aspirin", "timing": "a week before", "days_before": 7, "reason": ""}],
                "substances_intro": "",
                "substances_to_avoid": ["Aspirin"],
            },
        },
        {
            "type": "off_label_uses",
            "value": {"heading": "Off-label", "intro": "", "uses": ["Jaw"], "disclaimer": "Off-label."},
        },
        {
            "type": "faq",
            "value": {
                "heading": "FAQ",
                "items": [{"question": "Painful?", "answer": f"<p>No. Compare {index_link}.</p>"}],
            },
        },
        {
            "type": "testimonial",
            "value": {
                "quote": "Great.",
                "attribution": "Sam P.",
                "practitioner": practitioner.pk,
                "consent_on_file": True,
                "consent_date": "2026-01-15",
                "consent_method": "email",
                "material_connection": False,
            },
        },
        # Left out of exports (its authorization is this clinic's patient record): said, not copied.
        pair_block(hero, hero, make_authorization()),
        {"type": "call_to_action", "value": {"heading": "Book", "text": "", "button_label": "Book now"}},
        {"type": "related_treatments", "value": {"heading": "Related", "treatments": [other.pk, draft.pk]}},
    ]
    assert {block["type"] for block in body} == set(TreatmentBodyBlock.base_blocks), "cover every block type"
    main = make_treatment(
        treatment_index,
        title="Skin boosters",
        slug="skin-boosters",
        body=body,
        hero_image=hero,
        reviewed_by=practitioner,
        category="skin",
    )
    return {"main": main, "other": other, "draft": draft}


def test_every_block_type_images_and_links_round_trip(every_block_site, tmp_path, client):
    said = io.StringIO()
    call_command("export_treatments", str(tmp_path / "first"), stdout=said)
    assert "Treatment 'skin-boosters': a Before and after section was left out" in said.getvalue()
    first = _files(tmp_path / "first")
    data = json.loads(first["treatments.json"])
    assert "before_after" not in json.dumps(data) and "chart 4411" not in json.dumps(data)
    assert [t["slug"] for t in data["treatments"]] == ["botox", "fillers", "laser", "skin-boosters"]
    # The pages' and practitioners' images: the demo's drawn hero and portrait, and the fixture's.
    titles = {image["key"]: image["title"] for image in data["images"]}
    assert sorted(titles.values()) == sorted(
        [
            "Calm abstract artwork (demo image)",
            "Placeholder portrait (demo image)",
            "Hero photo",
            "Syringe close-up",
            "Portrait",
        ]
    )
    main = data["treatments"][-1]
    assert titles[main["hero_image"]] == "Hero photo" and main["reviewed_by"] == "practitioner-2"
    assert '"treatment:fillers", "treatment:laser"' in json.dumps(main["body"][-1]["value"]["treatments"])
    assert 'linktype="page" id="treatment:fillers"' in main["body"][0]["value"]["what_it_is"]

    _empty_the_database()
    call_command("import_treatments", str(tmp_path / "first"), verbosity=0)

    assert _same_export(_export(tmp_path / "second"), dict(first))
    main = TreatmentPage.objects.get(slug="skin-boosters")
    fillers = TreatmentPage.objects.get(slug="fillers")
    assert fillers.pk != every_block_site["other"].pk
    assert [page.pk for page in main.body[-1].value["treatments"]][0] == fillers.pk
    assert main.hero_image.get_focal_point() is not None
    assert main.reviewed_by.photo.title == "Portrait"
    assert not TreatmentPage.objects.get(slug="laser").live

    html = client.get("/treatments/skin-boosters/").content.decode()
    assert 'href="/treatments/fillers/"' in html
    assert 'href="/treatments/"' in html
    assert "Dr. Ana Rivera" in html


def test_importing_twice_changes_nothing(every_block_site, tmp_path):
    export = _export(tmp_path / "export")
    # The clinic's logo is a setting's image, not a page's: exports carry treatments and what they show.
    images = get_image_model().objects.exclude(title__startswith="Placeholder logo")
    counts = (TreatmentPage.objects.count(), images.count(), Practitioner.objects.count())
    _empty_the_database()
    call_command("import_treatments", str(tmp_path / "export"), verbosity=0)
    call_command("import_treatments", str(tmp_path / "export"), verbosity=0)

    assert (TreatmentPage.objects.count(), get_image_model().objects.count(), Practitioner.objects.count()) == counts
    assert _same_export(_export(tmp_path / "again"), dict(export))


def test_import_updates_pages_of_the_same_slug_on_an_existing_site(demo, tmp_path):
    _export(tmp_path / "export")
    data = json.loads((tmp_path / "export" / "treatments.json").read_text())
    data["treatments"][0]["summary"] = "A new summary from the other site."
    (tmp_path / "export" / "treatments.json").write_text(json.dumps(data))

    call_command("import_treatments", str(tmp_path / "export"), verbosity=0)

    assert TreatmentPage.objects.count() == 1
    assert TreatmentIndexPage.objects.count() == 1
    botox = TreatmentPage.objects.get(slug="botox")
    assert botox.pk == demo.pk
    assert botox.summary == "A new summary from the other site."


def _broken(tmp_path, change):
    folder = tmp_path / "export"
    _export(folder)
    data = json.loads((folder / "treatments.json").read_text())
    change(data, folder)
    (folder / "treatments.json").write_text(json.dumps(data))
    return folder


def _set_dosage(data, folder):
    dosage = next(b for b in data["treatments"][-1]["body"] if b["type"] == "dosage")
    dosage["value"]["typical_min"] = 90


def _tamper_image(data, folder):
    (folder / data["images"][0]["file"]).write_bytes(b"not the original")


def _escape_folder(data, folder):
    data["images"][0]["file"] = "images/../../../etc/passwd.png"


def _unknown_practitioner(data, folder):
    data["treatments"][-1]["reviewed_by"] = "practitioner-99"


def _unknown_block(data, folder):
    data["treatments"][-1]["body"].append({"type": "gallery", "value": {}})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set_dosage, "maximum amount must be at least the minimum"),
        (_tamper_image, "does not match its checksum"),
        (_escape_folder, "is not an image file in images/"),
        (_unknown_practitioner, "practitioner 'practitioner-99' is not in the export"),
        (_unknown_block, "Unknown block 'gallery'"),
    ],
)
def test_bad_exports_are_refused_and_change_nothing(every_block_site, tmp_path, change, message):
    folder = _broken(tmp_path, change)
    before = (TreatmentPage.objects.count(), get_image_model().objects.count(), Practitioner.objects.count())
    summaries = list(TreatmentPage.objects.order_by("pk").values_list("summary", flat=True))

    with pytest.raises(CommandError, match=message):
        call_command("import_treatments", str(folder), verbosity=0)

    assert (TreatmentPage.objects.count(), get_image_model().objects.count(), Practitioner.objects.count()) == before
    assert list(TreatmentPage.objects.order_by("pk").values_list("summary", flat=True)) == summaries


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "treatments.json not found"),
        ("{not json", "is not valid JSON"),
        ('{"format": "something-else"}', "is not a treatment export"),
        ('{"format": "treatment-cms/treatments", "version": 7}', "version 7 is not supported"),
        (
            '{"format": "treatment-cms/treatments", "version": 1, "images": [], "practitioners": [],'
            ' "treatments": [{"slug": "x"}]}',
            "lacks title, summary, body",
        ),
        (
            '{"format": "treatment-cms/treatments", "version": 1, "images": [], "practitioners": [],'
            ' "treatments": [{"slug": ["x"], "title": "X", "summary": "", "body": []}]}',
            "'slug' must be a string",
        ),
        (
            '{"format": "treatment-cms/treatments", "version": 1, "index": [], "images": [], "practitioners": [],'
            ' "treatments": []}',
            "'index' must be an object or null",
        ),
    ],
)
def test_unreadable_exports_get_a_clear_error(db, tmp_path, content, message):
    if content is not None:
        (tmp_path / "treatments.json").write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_treatments", str(tmp_path), verbosity=0)


def test_export_refuses_a_folder_holding_other_files(demo, tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(CommandError, match="holds other files"):
        call_command("export_treatments", str(tmp_path), verbosity=0)
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_exporting_again_into_the_same_folder_replaces_the_export(every_block_site, tmp_path):
    first = _export(tmp_path / "export")
    (tmp_path / "export" / "images" / "image-9.png").write_bytes(b"stale")
    assert _export(tmp_path / "export") == first


def _overlong_image_title(data, folder):
    data["images"][0]["title"] = "x" * 300


def _overlong_area(data, folder):
    data["treatments"][-1]["treatment_areas"] = [{"name": "y" * 150, "description": ""}]


@pytest.mark.parametrize(
    ("change", "message"),
    [(_overlong_image_title, "Image image-1: title"), (_overlong_area, "treatment area 1")],
)
def test_values_too_long_for_their_fields_are_refused(every_block_site, tmp_path, change, message):
    folder = _broken(tmp_path, change)
    before = (TreatmentPage.objects.count(), get_image_model().objects.count())
    _empty_the_database()
    with pytest.raises(CommandError, match=message):
        call_command("import_treatments", str(folder), verbosity=0)
    assert not TreatmentPage.objects.exists() and before[0] > 0
