"""The consultation form in headless Chromium: works with JavaScript off, errors focused and axe-clean."""

import re

import pytest

from consultations.models import ConsultationRequest

# A click that navigates returns once the new page starts loading: assertions that wait (expect)
# read the new page, not whatever part of it has arrived.
expect = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed").expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def no_js_page(chromium):
    context = chromium.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_request_from_the_treatment_page_without_javascript(demo, live_server, no_js_page):
    page = no_js_page
    page.goto(f"{live_server.url}{demo.url}")
    page.locator(".cta a.button").first.click()
    expect(page.locator("#id_treatment")).to_have_value(str(demo.pk))

    page.click("button[type=submit]")
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#id_name")).to_have_attribute("aria-invalid", "true")

    page.get_by_label("Your name").fill("Jane Doe")
    page.get_by_label("Email address").fill("jane@example.com")
    page.get_by_label("Best time to contact you").select_option("afternoon")
    page.get_by_label("I agree that the clinic may contact me").check()
    page.click("button[type=submit]")

    expect(page).to_have_url(f"{live_server.url}/consultation/thanks/")
    stored = ConsultationRequest.objects.get()
    expect(page.locator("main")).to_contain_text(stored.reference)
    assert (stored.treatment_id, stored.preferred_time, stored.source_page) == (demo.pk, "afternoon", demo.url)


def test_error_summary_takes_focus_and_has_no_axe_violations(demo, live_server, browser_page):
    from tests.site.pages import AXE_JS

    if not AXE_JS.exists():
        pytest.skip(f"{AXE_JS} missing: run .ci/setup-browser (npm ci) to install axe-core")
    browser_page.goto(f"{live_server.url}/consultation/")
    browser_page.get_by_label("Email address").fill("not an email")
    browser_page.click("button[type=submit]")
    expect(browser_page.locator("#error-summary")).to_be_focused()
    # Evaluated by the test, not added as an inline <script>: the site's CSP blocks those.
    browser_page.evaluate(AXE_JS.read_text())
    result = browser_page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert result["passes"]
    assert result["violations"] == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    # The summary's links lead to the fields.
    browser_page.click("#error-summary a[href='#id_email']")
    expect(browser_page).to_have_url(re.compile("#id_email$"))
