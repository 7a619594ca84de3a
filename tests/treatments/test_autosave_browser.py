"""An editor with autosave on never loses what "Save draft" confirmed (issue 13), in real Chromium.

Wagtail's page editor autosaves every 500 ms while the editor types. An autosave still on its way
when the editor clicks "Save draft" used to become the working draft, so the reloaded page showed
older content (blank testimonial, prep step timing and reason, FAQ answer). core/autosave.py
settles that race; this test types at a human typist's speed with autosave ON, clicks "Save draft"
straight after the last keystroke (an autosave is then pending or in flight), reloads the editor
and checks every field is there, both when creating a page and when editing it afterwards.

The waits are Wagtail's own signals, never sleeps: the address bar turning into the edit URL once
the first autosave has created the page, and the response to the "Save draft" form POST.
"""

import re

import pytest
from playwright.sync_api import expect

from treatments.models import TreatmentPage

from .editorial import make_user
from .test_editor_day import TIMEOUT, insert_block, log_in

KEY_DELAY = 40  # ms between keystrokes, a fast human typist: several autosaves fire mid-field
EDIT_URL = re.compile(r"/admin/pages/(\d+)/edit/")


def type_into(page, selector, text):
    field = page.locator(selector)
    field.click()
    field.press("End")  # a click lands the caret mid-text; the editor goes on typing at the end
    field.press_sequentially(text, delay=KEY_DELAY)


def type_rich_text(page, field_id, text):
    editor = page.locator(f"div:has(> input#{field_id}) [contenteditable='true']").first
    editor.click()
    editor.press("Control+End")
    editor.press_sequentially(text, delay=KEY_DELAY)
    # Draftail writes the form field 250 ms after the last keystroke (its stateSaveInterval), less
    # than a hand takes to reach "Save draft": wait for that write, as the editor's eyes would.
    expect(page.locator(f"input#{field_id}")).to_have_value(re.compile(re.escape(text.strip())))


def save_draft(page, confirmations):
    """Click "Save draft" and wait for the POST's answer and the edit page it redirects to.

    Wagtail's editing session pings the server every 10 s; a ping answered just after one of the
    editor's own autosaves reports that autosave as "a newer version", and Wagtail then asks
    before saving (its confirmation dialog). The editor confirms, as a person would; the test
    counts how often that happened in ``confirmations``.
    """
    confirm = page.locator("#w-save-confirmation-dialog [data-w-dialog-target='confirm']")
    with page.expect_response(
        lambda r: r.request.method == "POST" and r.request.resource_type == "document", timeout=TIMEOUT
    ) as posted:
        page.get_by_role("button", name="Save draft").click()
        confirm.or_(page.locator(".messages .success")).first.wait_for()
        if confirm.is_visible():
            confirmations.append(page.locator("#w-save-confirmation-dialog").inner_text())
            confirm.click()
    # A full save answers with a redirect back to the editor; a refused one re-renders the form (200).
    assert posted.value.status == 302, f"Save draft answered {posted.value.status}"
    page.wait_for_url(EDIT_URL, wait_until="load")
    expect(page.locator(".messages .success").first).to_contain_text("has been updated")


def reload_editor(page):
    page.reload(wait_until="load")
    page.locator("#id_title").wait_for()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_save_draft_right_after_typing_keeps_everything_with_autosave_on(demo, live_server, chromium, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 500  # Wagtail's default, stated: this test is about autosave ON
    make_user("erin", "Editors")
    index = demo.get_parent()
    base = live_server.url
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    confirmations = []  # Wagtail's "newer version" dialogs the editor confirmed (see save_draft)
    log_in(page, base, "erin")

    # 1. A new page, typed field after field; autosave creates it after the first keystrokes.
    page.goto(f"{base}/admin/pages/add/treatments/treatmentpage/{index.pk}/")
    type_into(page, "#id_title", "Chemical peel")
    type_into(page, "#id_summary", "A chemical peel renews the skin's surface in one short visit.")
    insert_block(page, "FAQ")
    type_into(page, "#body-0-value-items-0-value-question", "Does a peel hurt?")
    type_rich_text(page, "body-0-value-items-0-value-answer", "Most patients feel a mild tingling.")
    insert_block(page, "Preparation instructions")
    type_into(page, "#body-1-value-heading", "How to prepare")
    type_into(page, "#body-1-value-steps-0-value-instruction", "Stop retinoid creams")
    type_into(page, "#body-1-value-steps-0-value-timing", "One week before")
    type_into(page, "#body-1-value-steps-0-value-reason", "To calm the skin")
    insert_block(page, "Testimonial")
    type_into(page, "#body-2-value-quote", "My skin has never looked fresher.")
    type_into(page, "#body-2-value-attribution", "Monica Z.")
    # The address bar shows the edit URL once autosave has created the page: what the editor sees.
    page.wait_for_url(EDIT_URL)
    save_draft(page, confirmations)  # straight after the last keystroke: an autosave is pending or in flight

    reload_editor(page)
    expect(page.locator("#id_title")).to_have_value("Chemical peel")
    expect(page.locator("#body-0-value-items-0-value-question")).to_have_value("Does a peel hurt?")
    expect(page.get_by_text("Most patients feel a mild tingling.")).to_be_visible()
    expect(page.locator("#body-1-value-steps-0-value-timing")).to_have_value("One week before")
    expect(page.locator("#body-1-value-steps-0-value-reason")).to_have_value("To calm the skin")
    expect(page.locator("#body-2-value-quote")).to_have_value("My skin has never looked fresher.")
    expect(page.locator("#body-2-value-attribution")).to_have_value("Monica Z.")

    # 2. Editing the saved draft: change three blocks, save straight away, reload.
    page_id = int(EDIT_URL.search(page.url).group(1))
    type_into(page, "#body-1-value-steps-0-value-timing", ", at the latest")
    type_into(page, "#body-2-value-quote", " Thank you!")
    type_rich_text(page, "body-0-value-items-0-value-answer", " It fades within minutes.")
    save_draft(page, confirmations)

    reload_editor(page)
    expect(page.locator("#body-1-value-steps-0-value-timing")).to_have_value("One week before, at the latest")
    expect(page.locator("#body-2-value-quote")).to_have_value("My skin has never looked fresher. Thank you!")
    expect(page.get_by_text("Most patients feel a mild tingling. It fades within minutes.")).to_be_visible()
    context.close()
    print(f"Wagtail asked to confirm {len(confirmations)} of 2 saves: {confirmations}")

    # The working draft in the database agrees (read only now: SQLite's test database is shared).
    draft = TreatmentPage.objects.get(pk=page_id).get_latest_revision_as_object()
    blocks = {block.block_type: block.value for block in draft.body}
    assert blocks["prep_instructions"]["steps"][0]["reason"] == "To calm the skin"
    assert blocks["testimonial"]["quote"] == "My skin has never looked fresher. Thank you!"
    assert "It fades within minutes." in blocks["faq"]["items"][0]["answer"].source
