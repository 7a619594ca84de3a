"""A visitor opens the BOTOX page in a real browser and expands an FAQ answer."""

import pytest


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_visitor_reads_the_faq(demo, live_server, browser_page, artifacts_dir):
    browser_page.goto(f"{live_server.url}/treatments/botox/")
    assert browser_page.locator("h1").inner_text() == "BOTOX"
    answer = browser_page.get_by_text("series of small pinches")
    assert not answer.is_visible()
    browser_page.get_by_text("Are BOTOX Injections Painful?").click()
    assert answer.is_visible()
    assert browser_page.locator('header a[href="tel:+15038500414"]').is_visible()
    browser_page.screenshot(path=str(artifacts_dir / "botox.png"), full_page=True)
