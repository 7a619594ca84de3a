"""An editor's day in the admin, in headless Chromium against a live server.

The editor writes a new treatment page, is refused when submitting it without the patient's
consent (the message names the testimonial), fixes it and submits it to the Medical review
workflow; a practitioner approves; visitors and the API then see the page with its review.
Screenshots of every step land in artifacts/test_an_editors_day/.
"""

import json

import pytest
from django.utils import timezone

from treatments.models import TreatmentPage

from .editorial import PASSWORD, make_user

TIMEOUT = 20_000  # ms; the admin is a JS app on a 2-core machine


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/admin/")


def insert_block(page, label):
    """Add a block at the end of the body through the block picker."""
    page.locator("button.c-sf-add-button[title='Insert a block']").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def rich_text(page, field_id, text):
    editor = page.locator(f"div:has(> input#{field_id}) [contenteditable='true']").first
    editor.click()
    editor.press_sequentially(text)
    # Draftail copies its content into the hidden input after typing: a save clicked before that
    # (a slow machine) would send the old value.
    page.wait_for_function(
        "([id, text]) => document.getElementById(id).value.includes(text)", arg=[field_id, text[-20:]]
    )


def submit_to_review(page):
    page.locator("footer .w-dropdown__toggle").last.click()
    page.get_by_role("button", name="Submit to Medical review").click()
    page.wait_for_load_state("domcontentloaded")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editors_day(demo, live_server, chromium, artifacts_dir, settings):
    # Autosave posts drafts in the background; racing it against the editor's submit makes the
    # run timing-dependent, and drafts are covered elsewhere. Every click here is a full save.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    make_user("erin", "Editors")
    make_user("dr-kim", "Practitioners", practitioner="Dr. Michael Kim")
    index = demo.get_parent()
    base = live_server.url
    shots = iter(range(1, 100))

    def shot(page, name):
        page.screenshot(path=str(artifacts_dir / f"{next(shots):02d}-{name}.png"), full_page=True)

    editor_context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = editor_context.new_page()
    page.set_default_timeout(TIMEOUT)

    # 1. The editor logs in and writes a new treatment page under /treatments/.
    log_in(page, base, "erin")
    shot(page, "editor-dashboard")
    page.goto(f"{base}/admin/pages/add/treatments/treatmentpage/{index.pk}/")
    page.locator("#id_title").fill("Chemical peel")
    page.locator("#id_summary").fill("A chemical peel renews the skin's surface in one short visit.")

    insert_block(page, "FAQ")
    page.locator("#body-0-value-items-0-value-question").fill("Does a peel hurt?")
    rich_text(page, "body-0-value-items-0-value-answer", "Most patients feel a mild tingling.")

    insert_block(page, "Candidate criteria")
    page.locator("#body-1-value-heading").fill("Who is a good candidate?")
    page.locator("#body-1-value-good_candidates-0-value").fill("Adults with dull or uneven skin")
    page.locator("#body-1-value-contraindications-0-value").fill("Women who are pregnant or breastfeeding")

    insert_block(page, "Preparation instructions")
    page.locator("#body-2-value-heading").fill("How to prepare")
    page.locator("#body-2-value-steps-0-value-instruction").fill("Stop retinoid creams")
    page.locator("#body-2-value-steps-0-value-timing").fill("One week before")

    insert_block(page, "Testimonial")
    page.locator("#body-3-value-quote").fill("My skin has never looked fresher.")
    page.locator("#body-3-value-attribution").fill("Monica Z.")
    shot(page, "page-written-without-consent")

    # 2. Submitting without consent is refused, naming the testimonial.
    submit_to_review(page)
    error = page.get_by_text("Testimonial 1 (Monica Z.): consent on file, consent date and how it was given")
    error.first.wait_for()
    # "created" or, once autosave has kept the draft, "saved".
    assert page.get_by_text("due to validation errors").is_visible()
    assert (
        page.locator(".error-message, .help-critical").count() == 4
    )  # the block names above the body, three consent fields
    error.first.scroll_into_view_if_needed()
    shot(page, "submit-refused-consent-missing")

    # 3. The editor records the consent and submits to the Medical review workflow.
    page.locator("#body-3-value-consent_on_file").check()
    page.locator("#body-3-value-consent_date").fill("2026-11-20")
    page.locator("#body-3-value-consent_date").press("Tab")  # closes the date picker
    page.locator("#body-3-value-consent_method").select_option("written")
    shot(page, "consent-recorded")
    submit_to_review(page)
    page.get_by_text("submitted for moderation").first.wait_for()
    shot(page, "submitted-to-medical-review")
    editor_context.close()

    # 4. The practitioner logs in, finds the page awaiting review and approves it.
    practitioner_context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = practitioner_context.new_page()
    page.set_default_timeout(TIMEOUT)
    log_in(page, base, "dr-kim")
    awaiting = page.locator("section", has=page.get_by_role("heading", name="Awaiting your review"))
    shot(page, "practitioner-dashboard")
    awaiting.get_by_role("link", name="Chemical peel").first.click()
    page.locator("#id_title").wait_for()
    page.locator("footer .w-dropdown__toggle").last.click()
    shot(page, "practitioner-review-actions")
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    page.locator(".messages .success").first.wait_for()
    assert "Page 'Chemical peel' has been updated." in page.locator(".messages .success").first.inner_text()
    shot(page, "approved")
    practitioner_context.close()

    # 5. Visitors and front ends see the new page, with its review.
    visitor_context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = visitor_context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(f"{base}/treatments/chemical-peel/")
    assert page.locator("h1").inner_text() == "Chemical peel"
    assert page.get_by_text("My skin has never looked fresher.").is_visible()
    assert page.get_by_text("Individual results vary.").is_visible()
    shot(page, "visitor-page")
    page.goto(f"{base}/api/v2/pages/?type=treatments.TreatmentPage&fields=last_reviewed,reviewed_by")
    items = {item["meta"]["slug"]: item for item in json.loads(page.locator("body").inner_text())["items"]}
    assert items["chemical-peel"]["last_reviewed"] == timezone.localdate().isoformat()
    assert items["chemical-peel"]["reviewed_by"]["name"] == "Dr. Michael Kim"
    shot(page, "api-listing")
    visitor_context.close()

    # The database agrees (queried only now: SQLite's test database is shared with the live server).
    treatment = TreatmentPage.objects.get(slug="chemical-peel")
    assert treatment.live and not treatment.has_unpublished_changes
    assert treatment.last_reviewed == timezone.localdate()
    assert treatment.reviewed_by.name == "Dr. Michael Kim"
    assert treatment.workflow_states.get().status == "approved"
