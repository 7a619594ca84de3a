"""Issue 17's admin flows in headless Chromium against a live server: safety information and testimonials.

- An editor chooses the BOTOX product, whose safety record is required but incomplete: submitting
  to Medical review is refused, naming the product, on screen. A clinic manager completes the
  Important Safety Information in Snippets > Products; the live BOTOX page goes to Medical review
  (its History says why) and the editor's page can now be submitted.
- An incentivised testimonial without its disclosure is refused on submit, next to the field; with
  the disclosure it goes to review.

Screenshots of every step land in artifacts/<test name>/.
"""

import datetime

import pytest
from wagtail.models import WorkflowState

from products.models import Product
from tests.treatments.editorial import make_user
from tests.treatments.factories import make_treatment
from tests.treatments.test_editor_day import TIMEOUT, log_in, rich_text, submit_to_review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Test data, not the manufacturer's text: no safety text is ever written from memory.
WARNING = "<p>TEST BOXED WARNING for the browser test.</p>"
ISI = "TEST IMPORTANT SAFETY INFORMATION typed by the manager."


@pytest.fixture
def screenshots(artifacts_dir):
    shots = iter(range(1, 100))

    def shot(page, name):
        page.screenshot(path=str(artifacts_dir / f"{next(shots):02d}-{name}.png"), full_page=True)

    return shot


def new_tab(chromium):
    page = chromium.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(TIMEOUT)
    return page


def choose_botox(page, edit_url):
    """Open a page's editor and choose BOTOX as its product (tab Treatment facts)."""
    page.goto(edit_url)
    page.get_by_role("tab", name="Treatment facts").click()
    page.get_by_role("button", name="Add product").click()
    page.get_by_role("button", name="Choose product").click()
    page.locator(".modal").get_by_role("link", name="BOTOX").first.click()
    page.locator(".modal").wait_for(state="hidden")
    chosen = page.locator("#inline_child_product_links-0-panel-section [data-chooser-title]")
    assert chosen.inner_text().startswith("BOTOX")


def test_safety_information_blocks_submission_until_a_manager_completes_it(
    demo, live_server, chromium, screenshots, settings
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0  # every click here is a full save (see test_editor_day)
    # As a script would leave it: required, boxed warning quoted, ISI still empty (the admin refuses this).
    Product.objects.filter(brand_name="BOTOX").update(
        boxed_warning=WARNING,
        safety_source_url="https://example.com/botox-isi",
        safety_checked_on=datetime.date(2026, 11, 20),
        requires_safety_information=True,
    )
    peel = make_treatment(demo.get_parent(), title="Chemical peel", slug="chemical-peel", publish=False)
    make_user("erin", "Editors")
    make_user("morgan", "Clinic managers")
    base = live_server.url

    # 1. The editor chooses BOTOX on the page and submits it: refused, naming the product.
    editor = new_tab(chromium)
    log_in(editor, base, "erin")
    choose_botox(editor, f"{base}/admin/pages/{peel.pk}/edit/")
    screenshots(editor, "botox-chosen")
    submit_to_review(editor)
    refusal = editor.get_by_text("Product BOTOX: its Important Safety Information must be completed")
    refusal.first.wait_for()
    assert refusal.first.is_visible()
    screenshots(editor, "submit-refused-botox-isi-missing")

    # 2. The clinic manager completes the ISI in Snippets > Products.
    manager = new_tab(chromium)
    log_in(manager, base, "morgan")
    manager.goto(f"{base}/admin/snippets/products/product/")
    manager.get_by_role("link", name="BOTOX").first.click()
    rich_text(manager, "id_safety_information", ISI)
    screenshots(manager, "manager-completes-isi")
    manager.get_by_role("button", name="Save").first.click()
    manager.locator(".messages .success").first.wait_for()
    screenshots(manager, "product-saved")
    manager.context.close()

    # 3. The live BOTOX page (the demo's, which uses the product) went to Medical review; its History says why.
    editor.goto(f"{base}/admin/pages/{demo.pk}/history/")
    editor.get_by_text("Sent to Medical review: the Important Safety Information of BOTOX changed").first.wait_for()
    assert editor.get_by_text("'Medical review' started").first.is_visible()
    screenshots(editor, "botox-page-sent-to-review")

    # 4. The editor's page, with BOTOX chosen, can now be submitted.
    choose_botox(editor, f"{base}/admin/pages/{peel.pk}/edit/")
    submit_to_review(editor)
    editor.get_by_text("submitted for moderation").first.wait_for()
    screenshots(editor, "submitted-to-medical-review")
    editor.context.close()

    # The database agrees (queried only now: the live server shares the test database).
    in_review = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert {int(state.object_id) for state in in_review} == {demo.pk, peel.pk}
    assert ISI in Product.objects.get(brand_name="BOTOX").safety_information


def test_an_incentivised_testimonial_needs_its_disclosure(demo, live_server, chromium, screenshots, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    quote = {
        "quote": "Lovely results.",
        "attribution": "Sam P.",
        "consent_on_file": True,
        "consent_date": "2026-11-01",
        "consent_method": "written",
        "material_connection": True,
        "value_received": "20% off the next visit",
    }
    page = make_treatment(demo.get_parent(), body=[{"type": "testimonial", "value": quote}], publish=False)
    make_user("erin", "Editors")
    base = live_server.url

    editor = new_tab(chromium)
    log_in(editor, base, "erin")
    editor.goto(f"{base}/admin/pages/{page.pk}/edit/")
    submit_to_review(editor)
    refusal = editor.get_by_text("a disclosure shown with the testimonial is required before publishing (16 CFR 255.5)")
    refusal.first.wait_for()
    refusal.first.scroll_into_view_if_needed()
    assert refusal.first.is_visible()
    screenshots(editor, "submit-refused-no-disclosure")

    editor.locator("#body-0-value-disclosure").fill("Sam received 20% off the next visit.")
    submit_to_review(editor)
    editor.get_by_text("submitted for moderation").first.wait_for()
    screenshots(editor, "submitted-with-disclosure")
    editor.context.close()
    assert WorkflowState.objects.get(status=WorkflowState.STATUS_IN_PROGRESS).object_id == str(page.pk)
