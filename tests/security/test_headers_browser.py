"""The Content-Security-Policy in headless Chromium: visitors' pages break no rule, and the admin's
editor still works under its own policy (an editor adds a block to BOTOX and saves a draft).

Violations are collected from the page itself (``securitypolicyviolation`` events, registered
before any of the page's scripts run) and from the console. Screenshots land in artifacts/.
"""

import pytest

from tests.site.pages import reachable_pages
from tests.treatments.editorial import PASSWORD, make_user
from treatments.models import TreatmentPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TIMEOUT = 20_000  # ms; the admin is a JS app on a 2-core machine
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.cspViolations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`
));
"""


class ViolationLog:
    """A browser context whose pages report every CSP violation and CSP console message."""

    def __init__(self, chromium):
        self.context = chromium.new_context(viewport={"width": 1280, "height": 900})
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT)
        self.console = []
        self.page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text or "Permissions-Policy" in message.text:
            self.console.append(f"{self.page.url}: {message.text}")

    def violations(self):
        """This page's violations so far, plus every CSP console message of the context."""
        return [f"{self.page.url}: {v}" for v in self.page.evaluate("window.cspViolations || []")] + self.console

    def close(self):
        self.context.close()


def test_visitors_pages_break_no_rule_of_the_policy(demo, live_server, chromium, client):
    browser = ViolationLog(chromium)
    found = []
    for path, status in reachable_pages(lambda path: client.get(path).status_code).values():
        response = browser.page.goto(f"{live_server.url}{path}")
        assert response.status == status, path
        assert response.headers.get("content-security-policy"), path
        browser.page.wait_for_load_state("load")
        found += browser.violations()
        browser.console.clear()
    browser.close()
    assert not found, "\n".join(found)


def test_the_editor_works_under_the_admins_policy(demo, live_server, chromium, artifacts_dir, settings):
    # Autosave would race the explicit save below; drafts by autosave are covered elsewhere.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    make_user("erin", "Editors")
    base = live_server.url
    blocks_before = len(demo.body)
    browser = ViolationLog(chromium)
    page = browser.page
    found = []

    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill("erin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/admin/")
    found += browser.violations()

    response = page.goto(f"{base}/admin/pages/{demo.pk}/edit/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    page.locator("#id_title").wait_for()
    page.locator("button.c-sf-add-button[title='Insert a block']").last.click()
    page.get_by_role("option", name="FAQ", exact=True).click()
    prefix = f"body-{blocks_before}-value"
    page.locator(f"#{prefix}-heading").fill("More questions")
    page.locator(f"#{prefix}-items-0-value-question").fill("Can I exercise after BOTOX?")
    answer = page.locator(f"div:has(> input#{prefix}-items-0-value-answer) [contenteditable='true']").first
    answer.click()
    answer.press_sequentially("Wait 24 hours before strenuous exercise.")
    found += browser.violations()

    page.get_by_role("button", name="Save draft").click()
    page.locator(".messages .success").first.wait_for()
    page.screenshot(path=str(artifacts_dir / "draft-saved-under-csp.png"), full_page=True)
    found += browser.violations()
    browser.close()

    assert not found, "\n".join(found)
    draft = TreatmentPage.objects.get(pk=demo.pk).get_latest_revision_as_object()
    assert len(draft.body) == blocks_before + 1
    assert draft.body[-1].value["items"][0]["question"] == "Can I exercise after BOTOX?"
