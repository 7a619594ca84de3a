"""Fixtures shared by the whole suite."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections


@pytest.fixture(autouse=True)
def _clear_cache():
    # Wagtail caches site root paths: a test that creates a Site must not poison the next.
    _clear_own_cache_keys()
    yield
    _clear_own_cache_keys()


def _clear_own_cache_keys():
    # On Redis, clear() would flush the whole database: delete only this run's prefixed keys.
    if hasattr(cache, "delete_pattern"):
        # Every version under this run's prefix: Wagtail keeps site root paths as version 2.
        redis = cache.client.get_client(write=True)
        keys = list(redis.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
        if keys:
            redis.delete(*keys)
    else:
        cache.clear()


@pytest.fixture
def demo(db):
    """The demo clinic site, loaded by the real command; returns the BOTOX page."""
    from treatments.models import TreatmentPage

    call_command("load_demo_content", "--no-superuser", verbosity=0)
    return TreatmentPage.objects.get(slug="botox")


@pytest.fixture
def reviewed_demo(demo):
    """The demo page after Dr. Kim's medical review, its testimonial attributed to him by an editor.

    The demo itself ships unreviewed and names no testimonial practitioner (the clinic's page says
    neither, issue 13): tests of how a reviewer or a practitioner is shown start from this page.
    """
    import datetime

    from clinic.models import Practitioner

    kim = Practitioner.objects.get(name="Dr. Michael Kim")
    demo.reviewed_by = kim
    demo.last_reviewed = datetime.date(2026, 11, 1)
    next(block for block in demo.body if block.block_type == "testimonial").value["practitioner"] = kim
    demo.save_revision().publish()
    demo.refresh_from_db()
    return demo


@pytest.fixture
def treatment_index(demo):
    return demo.get_parent().specific


@pytest.fixture
def make_image(db):
    """Create a real Wagtail image from a generated PNG."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    def _make(title="Treatment photo", size=(1200, 800), description="A patient's face after treatment"):
        buffer = BytesIO()
        PILImage.new("RGB", size, (200, 150, 120)).save(buffer, "PNG")
        return get_image_model().objects.create(
            title=title, description=description, file=ImageFile(buffer, name=f"{title}.png")
        )

    return _make


# Browser tests: Debian's Chromium driven by Playwright. They skip where Chromium is absent;
# CI installs it first (.ci/setup-browser).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="session")
def chromium(django_db_setup):
    """A headless Chromium for the whole session (skips without /usr/bin/chromium or Playwright)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not installed at {CHROMIUM} (apt-get install -y chromium; .ci/setup-browser does it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls from tests stay synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # Starting Playwright switches the contextvars context, and Django's connections live in
    # contextvars: carry the test databases' serialized contents over, or serialized_rollback
    # of later transactional tests restores nothing (Wagtail's root page would be gone).
    serialized = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_api.sync_playwright() as playwright:
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    """A fresh browser tab (own cookies) at desktop size; resize with ``page.set_viewport_size``."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def artifacts_dir(request):
    """Folder for screenshots and reports of this test, under ./artifacts/ (git-ignored)."""
    path = ARTIFACTS / request.node.name.replace("/", "_").replace("[", "-").replace("]", "")
    path.mkdir(parents=True, exist_ok=True)
    return path


# The HTML checker, from the npm package vnu-jar (.ci/setup-browser installs it).
VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture
def vnu():
    """The Nu Html Checker: ``vnu(files)`` returns its messages for all files in one JVM run."""
    if not shutil.which("java"):
        pytest.skip("Java is not installed (the Nu Html Checker needs it)")
    if not VNU_JAR.exists():
        pytest.skip(f"{VNU_JAR} missing: run .ci/setup-browser (npm ci) to install vnu-jar")

    def check(files):
        # One JVM for all files: starting Java is the slow part.
        result = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        return json.loads(result.stderr or result.stdout)["messages"]

    return check
