"""The demo's images: drawn by the project, described truthfully, created only when missing."""

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model

from clinic.models import ClinicSettings, Practitioner
from demo import images
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_the_demo_shows_its_images_everywhere(demo):
    clinic = ClinicSettings.objects.get()
    kim = Practitioner.objects.get(name="Dr. Michael Kim")
    home = HomePage.objects.get()
    assert demo.hero_image.title == home.hero_image.title == images.HERO["title"]
    assert clinic.logo.title == images.LOGO["title"]
    assert kim.photo.title == images.PORTRAIT["title"]
    for image in (demo.hero_image, clinic.logo, kim.photo):
        assert image.default_alt_text and image.has_focal_point()
    # A placeholder says it is one: nothing shows what the clinic did not state.
    assert "not a photo" in kim.photo.default_alt_text and "Placeholder" in kim.photo.default_alt_text
    assert "Placeholder" in clinic.logo.default_alt_text


def test_the_demo_pages_api_carries_the_hero(demo, client):
    hero = client.get(f"/api/v2/pages/{demo.pk}/").json()["hero_image"]
    assert hero["alt"] == images.HERO["description"]
    assert hero["focal_point"] == {"x": 1150, "y": 450, "width": 500, "height": 500}
    assert {size["aspect_ratio"] for size in hero["srcset"]} == {"original", "16:9", "1:1"}
    home = client.get(f"/api/v2/pages/{demo.get_parent().get_parent().pk}/").json()
    assert home["hero_image"]["id"] == hero["id"]


def test_loading_again_creates_no_image_and_keeps_an_editors_change(demo):
    kim = Practitioner.objects.get(name="Dr. Michael Kim")
    kim.photo = None  # the clinic removed the placeholder
    kim.save()
    count = get_image_model().objects.count()
    call_command("load_demo_content", "--no-superuser", verbosity=0)
    assert get_image_model().objects.count() == count
    kim.refresh_from_db()
    assert kim.photo is None


def test_reset_removes_the_demo_images_and_draws_them_again(demo):
    before = set(get_image_model().objects.values_list("pk", flat=True))
    call_command("reset_demo_content", "--yes", verbosity=0)
    after = get_image_model().objects.filter(title__in=[spec["title"] for spec in images.IMAGES])
    assert after.count() == 3 and not before & set(after.values_list("pk", flat=True))


def test_the_drawings_are_the_sizes_they_say():
    assert images.draw_hero().size == (1600, 900)
    assert images.draw_logo().mode == "RGBA"
    assert images.draw_portrait().size == (800, 800)
