"""Fixtures shared by the whole suite."""

import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _clear_cache():
    # Wagtail caches site root paths: a test that creates a Site must not poison the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo(db):
    """The demo clinic site, loaded by the real command; returns the BOTOX page."""
    from treatments.models import TreatmentPage

    call_command("load_demo_content", "--no-superuser", verbosity=0)
    return TreatmentPage.objects.get(slug="botox")


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
