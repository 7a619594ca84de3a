"""The demo site in headless Chromium: axe-core WCAG 2.2 AA, 320px layout, focus, skip link,
consistent help (WCAG 3.2.6), 24px targets, no JavaScript needed, and screenshots to look at."""

import re

import pytest

from tests.site.pages import AXE_JS

expect = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed").expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Links and buttons of the page's own interface (inline links inside running text are exempt in 2.5.8).
UI_TARGETS = (
    "header a, header button, footer a, nav a, main .button, main button, main summary, main input, "
    "main h2 > a, main h3 > a, .help-links a"
)


@pytest.fixture
def axe():
    if not AXE_JS.exists():
        pytest.skip(f"{AXE_JS} missing: run .ci/setup-browser (npm ci) to install axe-core")

    def run(page):
        # Evaluated by the test, not added as an inline <script>: the site's CSP blocks those.
        page.evaluate(AXE_JS.read_text())
        return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)

    return run


@pytest.fixture
def site(site_pages, live_server):
    """(name, absolute URL, expected status) of every kind of page, a treatment with every section too."""
    return [(name, f"{live_server.url}{path}", status) for name, (path, status) in site_pages.items()]


def _describe(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in violations
    )


@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_wcag_violations(site, browser_page, axe, artifacts_dir, width):
    browser_page.set_viewport_size({"width": width, "height": 900})
    failures = {}
    for name, url, status in site:
        response = browser_page.goto(url)
        assert response.status == status, url
        result = axe(browser_page)
        assert result["passes"], f"axe checked nothing on {name}"
        if result["violations"]:
            failures[name] = _describe(result["violations"])
    assert not failures, "\n".join(f"{name}:\n{text}" for name, text in failures.items())


@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_violations_with_every_clinic_detail(
    demo, fill_clinic_details, live_server, browser_page, axe, width
):
    # The demo has no address, hours or privacy notice: the footer and location page with them.
    fill_clinic_details()
    browser_page.set_viewport_size({"width": width, "height": 900})
    failures = {}
    for path in ["/", "/location/"]:
        browser_page.goto(f"{live_server.url}{path}")
        expect(browser_page.get_by_role("contentinfo").locator("address")).to_contain_text("1 Example Street")
        result = axe(browser_page)
        if result["violations"]:
            failures[path] = _describe(result["violations"])
    assert not failures, "\n".join(f"{path}:\n{text}" for path, text in failures.items())


def test_axe_reports_real_violations(chromium, axe):
    # The check above cannot pass by accident: axe does report problems in this set-up.
    context = chromium.new_context()
    page = context.new_page()
    page.set_content('<html><body><img src="x.png"><a href="/"></a></body></html>')
    ids = {v["id"] for v in axe(page)["violations"]}
    context.close()
    assert {"image-alt", "link-name", "html-has-lang"} <= ids


@pytest.mark.parametrize("width", [320, 375])
def test_no_horizontal_scrolling_on_small_phones(site, browser_page, width):
    browser_page.set_viewport_size({"width": width, "height": 700})
    for name, url, _status in site:
        browser_page.goto(url)
        scroll_width = browser_page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{name} is {scroll_width}px wide at {width}px"


def test_skip_link_is_first_visible_on_focus_and_moves_to_main(site, browser_page):
    _name, url, _status = site[2]
    browser_page.goto(url)
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("[document.activeElement.className, document.activeElement.textContent]")
    assert focused == ["skip-link", "Skip to main content"]
    box = browser_page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["height"] >= 24  # on screen while focused
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"


def test_focus_is_clearly_visible(site, browser_page):
    _name, url, _status = site[2]
    browser_page.goto(url)
    for _ in range(4):  # skip link, clinic name, the two navigation links
        browser_page.keyboard.press("Tab")
        style = browser_page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; })()"
        )
        assert style[0] != "none" and style[1] >= 2, style


def test_phone_and_consultation_are_in_the_same_place_on_every_page(site, browser_page):
    seen = {}
    for name, url, _status in site:
        browser_page.goto(url)
        bar = browser_page.locator("header .contact-bar")
        phone = bar.locator('a[href^="tel:"]')
        cta = bar.locator("a.button")
        assert phone.inner_text() == "Call 503-850-0414", name
        assert cta.inner_text() == "Schedule Consultation", name
        seen[name] = (
            phone.get_attribute("href"),
            cta.get_attribute("href"),
            tuple(round(v) for v in phone.bounding_box().values()),
            tuple(round(v) for v in cta.bounding_box().values()),
            browser_page.evaluate("[...document.querySelectorAll('header a')].map(a => a.textContent.trim())"),
        )
    first = next(iter(seen.values()))
    assert first[0] == "tel:+15038500414" and first[1] == "/consultation/"
    different = {name: value for name, value in seen.items() if value != first}
    assert not different, different


@pytest.mark.parametrize("width", [320, 1280])
def test_interface_targets_are_at_least_24px(site, browser_page, width):
    browser_page.set_viewport_size({"width": width, "height": 800})
    small = []
    for name, url, _status in site:
        browser_page.goto(url)
        for element in browser_page.locator(UI_TARGETS).all():
            box = element.bounding_box()
            if not box or box["x"] + box["width"] <= 0 or not element.is_visible():
                # Not shown: e.g. a spam trap field moved off screen, out of the tab order, or the
                # phone menu's links while the menu is closed (or the inline ones on a phone).
                continue
            if box["width"] < 24 or box["height"] < 24:
                small.append((name, element.evaluate("e => e.outerHTML.slice(0, 80)"), box))
    assert not small, small


def test_site_works_without_javascript(demo, live_server, chromium):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/treatments/botox/")
        assert page.evaluate("1 + 1") == 2  # evaluate still works; the page's own scripts do not run
        answer = page.get_by_text("series of small pinches")
        assert not answer.is_visible()
        page.locator("summary", has_text="Are BOTOX Injections Painful?").click()
        assert answer.is_visible()

        # On a phone the main navigation sits behind the header's "Menu" disclosure (no script).
        page.locator("summary", has_text="Menu").click()
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
        page.get_by_label("Search for a treatment, a question or a word").fill("ginseng")
        # After a click that navigates, the URL changes before the new page is parsed: assertions
        # that wait (expect) read the results page, not whatever part of it has arrived.
        page.get_by_role("button", name="Search").click()
        expect(page).to_have_url(re.compile(r"/search/\?q=ginseng$"))
        expect(page.locator(".result h3 a")).to_have_text(["BOTOX"])
        expect(page.locator(".result mark").first).to_have_text(re.compile("^ginseng$", re.IGNORECASE))

        page.locator("summary", has_text="Menu").click()
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Treatments").click()
        expect(page.locator("h1")).to_have_text("Treatments")
    finally:
        context.close()


def test_botox_page_screenshots_at_phone_and_desktop_widths(demo, live_server, browser_page, artifacts_dir):
    for label, width in [("phone", 375), ("desktop", 1280)]:
        browser_page.set_viewport_size({"width": width, "height": 900})
        browser_page.goto(f"{live_server.url}/treatments/botox/")
        path = artifacts_dir / f"botox-{label}-{width}.png"
        browser_page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
        assert browser_page.evaluate("document.documentElement.scrollWidth") <= width
