"""Re-take the screenshots of README.md and docs/editors.md.

Run from the project root, with the project's Python (Playwright for Python comes with
requirements-dev.txt; `.ci/setup-browser` installs Chromium; do not run `playwright install`):

    .venv/bin/python docs/screenshots/take.py            # writes docs/screenshots/*.png
    .venv/bin/python docs/screenshots/take.py --port 8318 --chromium /usr/bin/chromium

It never touches your own database: it creates a throw-away SQLite database in a temporary
folder, migrates it, loads the demo (`load_demo_content`), starts `manage.py runserver` on
127.0.0.1:<port>, sends three made-up consultation requests through the public API, then
drives the admin as `admin` / `botox-demo`, then the review flow with real logins: an editor
(`erin`, in the Editors group, created here) submits the page to Medical review and Dr. Kim
(`dr.kim` / `botox-review`, the demo's practitioner login) approves it:

- site-botox.png                the BOTOX page as a visitor sees it (not reviewed: no review line)
- site-<page>-<width>.png       the visitor site, whole pages at 375 and 1280 px: home, treatment
                                (BOTOX), practitioner (Dr. Kim) and location
- editor-sections.png           the BOTOX page in the page editor, sections folded
- block-picker.png              the block picker, grouped
- publish-refused-consent.png   Submit refused: the testimonial's consent is missing
- dashboard-review.png          Dr. Kim's dashboard once the editor submitted the page
- medical-review-tab.png        the Medical review tab after Dr. Kim's approval (read-only record)
- site-review-line.png          the review line the page shows once approved
- consultation-inbox.png        Consultation requests, the staff inbox
- photo-authorizations.png      Snippets > Photo authorizations, after recording one (managers only)
- photo-revoke.png              the Revoke confirmation page

`--site-only` takes only the visitor site's pictures (site-botox.png and site-*-*.png; no admin,
no consultation requests).
Then it stops the server and deletes the temporary folder. Not run by the test suite.
Look at each picture after re-taking them: the admin's markup changes with Wagtail releases.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
VIEWPORT = {"width": 1280, "height": 800}
TIMEOUT = 30_000  # ms; the admin is a JavaScript app
USERNAME, PASSWORD = "admin", "botox-demo"
EDITOR, EDITOR_PASSWORD = "erin", "screenshots-editor"  # made here, in the throw-away database
PRACTITIONER, PRACTITIONER_PASSWORD = "dr.kim", "botox-review"  # the demo's (load_demo_content)

# Made-up visitors; the API stores them exactly as a front end would send them.
REQUESTS = [
    {"name": "Jane Doe", "email": "jane@example.com", "preferred_time": "morning", "consent": True},
    {"name": "Sam Patel", "phone": "503-555-0142", "preferred_time": "evening", "consent": True},
    {"name": "Ana Lima", "email": "ana@example.com", "message": "Is there parking?", "consent": True},
]


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def wait_until_up(base):
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise SystemExit("runserver did not answer /healthz within 60 s")


def send_consultation_requests(base, treatment_id):
    for body in REQUESTS:
        request = urllib.request.Request(
            f"{base}/api/v2/consultations/",
            data=json.dumps({**body, "treatment": treatment_id}).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            print("consultation request", json.load(response)["reference"])


# The demo admin's authenticator app, set up before the server starts (two-step sign-in is
# required for superusers; docs/security-logins.md): a throw-away key for this throw-away database.
APP_KEY = "3132333435363738393031323334353637383930"
ENROL_APP = (
    "from django.contrib.auth import get_user_model; "
    "from django_otp.plugins.otp_totp.models import TOTPDevice; "
    f"TOTPDevice.objects.create(user=get_user_model().objects.get(username='{USERNAME}'), "
    f"name='Screenshots', key='{APP_KEY}', confirmed=True); "
    "from django.contrib.auth.models import Group; "
    f"get_user_model().objects.create_user('{EDITOR}', 'erin@example.com', '{EDITOR_PASSWORD}', "
    "first_name='Erin').groups.add(Group.objects.get(name='Editors'))"
)


def log_in(page, base):
    from django_otp.oath import TOTP

    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code from your authenticator app, or a recovery code").fill(
        f"{TOTP(bytes.fromhex(APP_KEY)).token():06d}"
    )
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(f"{base}/admin/")


def log_in_without_app(page, base, username, password):
    """Editors and practitioners sign in with a password only (no consultation requests to read)."""
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/admin/")


def new_page(browser, base):
    context = browser.new_context(viewport=VIEWPORT)
    # The admin's menu folded to icons: more room for the editor.
    context.add_cookies([{"name": "wagtail_sidebar_collapsed", "value": "1", "url": base}])
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.on("dialog", lambda dialog: dialog.accept())  # "leave this page?" after edits
    return page


def sections(page):
    """The body's top-level blocks, in order."""
    return page.locator("#body-root > [data-streamfield-stream-container] > [data-streamfield-child]")


def section_toggles(page):
    """The fold buttons of the body's top-level blocks (not of their children)."""
    return sections(page).locator("> section > .w-panel__header > button.w-panel__toggle")


def fold_sections(page, keep_open=()):
    toggles = section_toggles(page)
    for index in range(toggles.count()):
        expanded = toggles.nth(index).get_attribute("aria-expanded") == "true"
        if expanded != (index in keep_open):
            toggles.nth(index).click()


def show_action_bar(page, visible):
    # The sticky "Save draft" bar would cover the lower part of a cropped picture.
    page.locator("footer").last.evaluate("(e, visible) => { e.style.visibility = visible ? '' : 'hidden'; }", visible)


def shoot(page, name, top=None, bottom=None, margin=16, tall=True):
    """Save a picture of the page from the top of one element to the bottom of another.

    ``tall``: scroll to the top and make the window as tall as the crop needs, so sticky
    headers stay where an editor sees them; otherwise crop what the window shows now (for
    pop-ups, which close when the page scrolls). Without elements, the 1280x800 window.
    Pictures are saved with a 256-colour palette: less than half the size, the same to the eye.
    """
    path = OUT / name
    clip = None
    if top is not None:
        if tall:
            # The admin scrolls inside its own containers too, some of them smoothly.
            page.evaluate("document.querySelectorAll('*').forEach((e) => e.scrollTo({top: 0, behavior: 'instant'}))")
        y0 = max(0, top.evaluate("e => e.getBoundingClientRect().top") - margin)
        y1 = bottom.evaluate("e => e.getBoundingClientRect().bottom") + margin
        if tall:
            page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], int(y1) + 1)})
            page.wait_for_timeout(300)
        clip = {"x": 0, "y": y0, "width": VIEWPORT["width"], "height": y1 - y0}
    page.screenshot(path=str(path), clip=clip)
    page.set_viewport_size(VIEWPORT)
    Image.open(path).convert("RGB").quantize(colors=256).save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


# The visitor site's page types, whole pages at a phone's and a desktop's width (issue 16).
SITE_PAGES = {
    "home": "/",
    "treatment": "/treatments/botox/",
    "practitioner": "/practitioners/dr-michael-kim/",
    "location": "/location/",
}
SITE_WIDTHS = (375, 1280)


def take_site(browser, base):
    """site-<page>-<width>.png for every page type and width, whole page, 256 colours."""
    for width in SITE_WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for name, path in SITE_PAGES.items():
            page.goto(f"{base}{path}")
            out = OUT / f"site-{name}-{width}.png"
            page.screenshot(path=str(out), full_page=True)
            Image.open(out).convert("RGB").quantize(colors=256).save(out, optimize=True)
            print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KB")
        context.close()


def take_photos(page, base):
    """A manager records a patient's photo authorization, then opens its Revoke confirmation."""
    page.goto(f"{base}/admin/snippets/photos/photoauthorization/add/")
    page.locator("#id_patient_reference").fill("chart 5120")
    page.locator("#id_label").fill("Crow's feet, May 2026")
    page.locator("#id_covers_website").check()
    page.locator("#id_signed_on").fill("2026-05-02")
    with page.expect_navigation():
        page.locator("footer button[type=submit]").first.click()
    page.get_by_role("link", name="Crow's feet, May 2026").first.wait_for()
    shoot(page, "photo-authorizations.png")
    page.get_by_role("button", name="More options for").first.click()
    page.get_by_role("link", name="Revoke").click()
    page.get_by_role("button", name="Revoke the authorization").wait_for()
    shoot(page, "photo-revoke.png")


def take(base, chromium_path, site_only=False):
    if site_only:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path, args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_context(viewport=VIEWPORT).new_page()
            page.goto(f"{base}/treatments/botox/")
            shoot(page, "site-botox.png")
            take_site(browser, base)
            browser.close()
        return

    treatment_id = get_json(f"{base}/api/v2/pages/?type=treatments.TreatmentPage&slug=botox")["items"][0]["id"]
    send_consultation_requests(base, treatment_id)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = new_page(browser, base)

        page.goto(f"{base}/treatments/botox/")
        shoot(page, "site-botox.png")
        take_site(browser, base)

        log_in(page, base)
        edit_url = f"{base}/admin/pages/{treatment_id}/edit/"
        page.goto(edit_url)
        page.locator("#id_title").wait_for()
        fold_sections(page)
        show_action_bar(page, False)
        body = page.locator("[data-contentpath=body]")
        shoot(page, "editor-sections.png", page.locator("header").first, body)
        show_action_bar(page, True)

        add_button = page.locator("#body-root button.c-sf-add-button").first
        body.evaluate("e => e.scrollIntoView({block: 'start', behavior: 'instant'})")
        add_button.click()
        picker = page.locator(".w-combobox").first
        picker.wait_for()
        show_action_bar(page, False)
        shoot(page, "block-picker.png", body, picker, tall=False)
        show_action_bar(page, True)
        page.keyboard.press("Escape")

        # Submitting with the testimonial's consent unticked is refused.
        testimonial = [
            block["type"] for block in get_json(f"{base}/api/v2/pages/{treatment_id}/?fields=body")["body"]
        ].index("testimonial")
        fold_sections(page, keep_open={testimonial})
        page.locator(f"#body-{testimonial}-value-consent_on_file").uncheck()
        page.locator("footer .w-dropdown__toggle").last.click()
        # The admin may not publish a treatment page (no practitioner profile): submitting for
        # review asks the same consent rules.
        page.get_by_role("button", name="Submit to Medical review").click()
        page.get_by_text("The page could not be saved due to validation errors").first.wait_for()
        fold_sections(page, keep_open={testimonial})
        for field in ("summary", "hero_image"):  # fold the fields above the body: banner and error in one picture
            page.locator(f"[data-contentpath={field}]").locator(
                "xpath=ancestor::section[1]//button[@data-panel-toggle]"
            ).first.click()
        show_action_bar(page, False)
        consent = sections(page).nth(testimonial).locator("[data-contentpath=consent_on_file]")
        shoot(page, "publish-refused-consent.png", page.locator("body"), consent, margin=0)

        # Put the consent back (autosave may have kept the unticked draft) and save the draft.
        page.goto(edit_url)
        page.locator("#id_title").wait_for()
        page.locator(f"#body-{testimonial}-value-consent_on_file").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Save draft").click()

        page.get_by_role("link", name="Consultation requests").first.click()
        page.get_by_text(REQUESTS[0]["name"]).first.wait_for()
        shoot(page, "consultation-inbox.png")
        take_photos(page, base)

        # The review flow. The editor submits the page to Medical review...
        editor = new_page(browser, base)
        log_in_without_app(editor, base, EDITOR, EDITOR_PASSWORD)
        editor.goto(edit_url)
        editor.locator("#id_title").wait_for()
        editor.locator("footer .w-dropdown__toggle").last.click()
        editor.get_by_role("button", name="Submit to Medical review").click()
        editor.get_by_text("submitted for moderation").first.wait_for()

        # ...Dr. Kim finds it on his dashboard and approves it...
        kim = new_page(browser, base)
        log_in_without_app(kim, base, PRACTITIONER, PRACTITIONER_PASSWORD)
        awaiting = kim.locator("section", has=kim.get_by_role("heading", name="Awaiting your review"))
        awaiting.get_by_role("link", name="BOTOX").first.wait_for()
        shoot(
            kim, "dashboard-review.png", kim.locator("main"), kim.locator("main section, main .w-panel").last, margin=0
        )
        awaiting.get_by_role("link", name="BOTOX").first.click()
        kim.locator("#id_title").wait_for()
        kim.locator("footer .w-dropdown__toggle").last.click()
        kim.get_by_role("button", name="Approve and Publish", exact=True).click()
        kim.locator(".messages .success").first.wait_for()

        # ...which records the review: the tab shows it (read-only), and so does the page.
        kim.goto(edit_url)
        kim.get_by_role("tab", name="Medical review").click()
        panel = kim.locator("[role=tabpanel]:visible").first
        panel.get_by_text("Dr. Michael Kim").first.wait_for()
        shoot(kim, "medical-review-tab.png", kim.locator("header").first, panel)
        kim.goto(f"{base}/treatments/botox/")
        line = kim.get_by_text("Medically reviewed by Dr. Michael Kim")
        shoot(kim, "site-review-line.png", line, line, margin=48)

        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--port", type=int, default=8317)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--site-only", action="store_true", help="only the visitor site's pictures")
    options = parser.parse_args()
    base = f"http://127.0.0.1:{options.port}"

    with tempfile.TemporaryDirectory(prefix="cms-screenshots-") as folder:
        env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
        env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", DATABASE_URL=f"sqlite:///{folder}/db.sqlite3")
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "load_demo_content", "--hostname", "127.0.0.1", "--port", str(options.port))
        manage(env, "shell", "-c", ENROL_APP)
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{options.port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(base)
            take(base, options.chromium, site_only=options.site_only)
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
