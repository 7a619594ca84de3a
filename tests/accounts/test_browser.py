"""The demo admin's first sign-in in Chromium: password, authenticator set-up, recovery codes, dashboard."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import PASSWORD, current_code

expect = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed").expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_first_sign_in_sets_up_two_step_verification(superuser, live_server, browser_page, artifacts_dir):
    page = browser_page
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(re.compile(r"/admin/two-step/setup/\?next=%2Fadmin%2F$"))
    expect(page.locator("h1")).to_have_text("Set up two-step verification")
    expect(page.locator("figure svg")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "setup.png"), full_page=True)
    # What a phone would compute from the scanned key.
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    page.get_by_label("Six-digit code from the app").fill(current_code(device))
    page.get_by_role("button", name="Confirm").click()

    expect(page.locator("h1")).to_have_text("Save your recovery codes")
    expect(page.locator(".two-step-recovery-codes li")).to_have_count(10)
    page.screenshot(path=str(artifacts_dir / "recovery-codes.png"), full_page=True)
    page.get_by_role("link", name="I have saved them, continue").click()

    expect(page).to_have_url(f"{live_server.url}/admin/")
    expect(page.locator("main h1").first).to_contain_text("Treatment CMS")
