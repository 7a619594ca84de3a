"""The designed site in Chromium: a compact phone header, a menu without JavaScript, an "On this
page" navigation that reaches every section, and the people and place pages linked from it."""

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed").expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The budget for the header on a 375px phone ("at most about 120px").
PHONE_HEADER_MAX_PX = 120


def test_phone_header_is_compact_on_every_page_type(demo, live_server, browser_page):
    browser_page.set_viewport_size({"width": 375, "height": 800})
    for path in ["/", "/treatments/", "/treatments/botox/", "/practitioners/dr-michael-kim/", "/location/"]:
        browser_page.goto(f"{live_server.url}{path}")
        height = browser_page.locator("header.site-header").bounding_box()["height"]
        assert height <= PHONE_HEADER_MAX_PX, (path, height)
        # Phone number and booking button both visible without opening anything.
        expect(browser_page.locator("header .contact-bar a[href^='tel:']")).to_be_visible()
        expect(browser_page.locator("header .contact-bar a.button")).to_be_visible()


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
def test_every_section_is_reachable_from_on_this_page(demo, live_server, browser_page, width):
    browser_page.set_viewport_size({"width": width, "height": 900})
    browser_page.goto(f"{live_server.url}/treatments/botox/")
    toc = browser_page.get_by_role("navigation", name="On this page")
    links = toc.get_by_role("link")
    targets = [link.get_attribute("href") for link in links.all()]
    sections = browser_page.evaluate(
        "[...document.querySelectorAll('.treatment__body > [id]')]"
        ".filter(e => e.querySelector('h2')).map(e => '#' + e.id)"
    )
    assert targets == sections  # every section with a heading, in the page's order
    for index, target in enumerate(targets):
        links.nth(index).focus()
        browser_page.keyboard.press("Enter")
        expect(browser_page).to_have_url(f"{live_server.url}/treatments/botox/{target}")
        expect(browser_page.locator(f"{target} h2").first).to_be_in_viewport()


def test_practitioner_and_location_are_linked_from_the_pages(demo, live_server, browser_page):
    browser_page.goto(f"{live_server.url}/treatments/botox/")
    browser_page.locator(".hero").get_by_role("link", name="Dr. Michael Kim").click()
    expect(browser_page.locator("h1")).to_have_text("Dr. Michael Kim")
    expect(browser_page.get_by_role("link", name="BOTOX").first).to_be_visible()
    browser_page.get_by_role("contentinfo").get_by_role("link", name="Location and contact").click()
    expect(browser_page.locator("h1")).to_have_text("Location and contact")
