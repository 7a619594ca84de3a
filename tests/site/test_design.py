"""The designed site in Chromium: a compact phone header, a menu without JavaScript, an "On this
page" navigation that reaches every section, and the people and place pages linked from it."""

import json

import pytest

from tests.site.pages import FULL_TREATMENT_SLUG

expect = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed").expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The budget for the header on a 375px phone ("at most about 120px").
PHONE_HEADER_MAX_PX = 120


def test_phone_header_is_compact_on_every_page_type(site_pages, live_server, browser_page, artifacts_dir):
    browser_page.set_viewport_size({"width": 375, "height": 800})
    heights = {}
    for name, (path, _status) in site_pages.items():
        browser_page.goto(f"{live_server.url}{path}")
        heights[name] = browser_page.locator("header.site-header").bounding_box()["height"]
        # Phone number and booking button both visible without opening anything.
        expect(browser_page.locator("header .contact-bar a[href^='tel:']")).to_be_visible()
        expect(browser_page.locator("header .contact-bar a.button")).to_be_visible()
    (artifacts_dir / "header-heights-375.json").write_text(json.dumps(heights, indent=2))
    assert len(heights) >= 12 and max(heights.values()) <= PHONE_HEADER_MAX_PX, heights


def test_favicon_and_footer_on_every_page_type(site_pages, fill_clinic_details, live_server, browser_page):
    icon = browser_page.goto(f"{live_server.url}/favicon.ico")  # follows the redirect to the static file
    assert icon.status == 200 and icon.headers["content-type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    fill_clinic_details()
    for name, (path, _status) in site_pages.items():
        browser_page.goto(f"{live_server.url}{path}")
        footer = browser_page.get_by_role("contentinfo")
        expect(footer.locator("address"), name).to_contain_text("1 Example Street")
        expect(footer, name).to_contain_text("Opening hours")
        expect(footer.locator('a[href="tel:+15038500414"]'), name).to_be_visible()
        expect(footer.get_by_role("link", name="Privacy notice"), name).to_have_attribute("href", "/privacy/")
        expect(footer.get_by_role("link", name="Location and contact"), name).to_be_visible()


def test_phone_menu_opens_without_javascript(demo, live_server, chromium):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/")
        location = page.get_by_role("navigation", name="Main").get_by_role("link", name="Location")
        expect(location).to_be_hidden()
        page.locator("summary", has_text="Menu").click()
        expect(location).to_be_visible()
        location.click()
        expect(page.locator("h1")).to_have_text("Location and contact")
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("slug", ["botox", FULL_TREATMENT_SLUG])
def test_every_section_is_reachable_from_on_this_page(full_treatment, live_server, browser_page, width, slug):
    browser_page.set_viewport_size({"width": width, "height": 900})
    url = f"{live_server.url}/treatments/{slug}/"
    browser_page.goto(url)
    toc = browser_page.get_by_role("navigation", name="On this page")
    links = toc.get_by_role("link")
    targets = [link.get_attribute("href") for link in links.all()]
    # Every section with a heading, in the page's order: the products' Important Safety
    # Information above the sections, then the body's sections (before-and-after pairs too).
    sections = browser_page.evaluate(
        "[...document.querySelectorAll('.important-safety-information > h2[id], .treatment__body > [id]')]"
        ".filter(e => e.matches('h2') || e.querySelector('h2')).map(e => '#' + e.id)"
    )
    assert targets == sections
    if slug == FULL_TREATMENT_SLUG:
        assert targets[0].startswith("#isi-") and any(t.startswith("#before_after-") for t in targets)
        expect(toc.get_by_role("link", name="Before and after: Forehead lines")).to_have_count(1)
        expect(toc.get_by_role("link", name="Important Safety Information")).to_have_count(1)
    for index, target in enumerate(targets):
        links.nth(index).focus()
        browser_page.keyboard.press("Enter")
        expect(browser_page).to_have_url(f"{url}{target}")
        heading = browser_page.locator(target) if target.startswith("#isi-") else browser_page.locator(f"{target} h2")
        expect(heading.first).to_be_in_viewport()


def test_practitioner_and_location_are_linked_from_the_pages(demo, live_server, browser_page):
    browser_page.goto(f"{live_server.url}/treatments/botox/")
    browser_page.locator(".hero").get_by_role("link", name="Dr. Michael Kim").click()
    expect(browser_page.locator("h1")).to_have_text("Dr. Michael Kim")
    expect(browser_page.get_by_role("link", name="BOTOX").first).to_be_visible()
    browser_page.get_by_role("contentinfo").get_by_role("link", name="Location and contact").click()
    expect(browser_page.locator("h1")).to_have_text("Location and contact")
