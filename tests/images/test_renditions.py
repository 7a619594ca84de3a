"""The files behind an image's srcset: real WebP (and AVIF), cut around the editor's focal point."""

from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from core.renditions import AVIF_WRITABLE, srcset

pytestmark = pytest.mark.django_db

RED, GREEN, BLUE = (230, 20, 20), (20, 200, 20), (20, 20, 230)


def striped_image(focal_point=None):
    """1500x900: a red, a green and a blue vertical band, 500 pixels each, left to right."""
    picture = PILImage.new("RGB", (1500, 900), RED)
    picture.paste(GREEN, (500, 0, 1000, 900))
    picture.paste(BLUE, (1000, 0, 1500, 900))
    buffer = BytesIO()
    picture.save(buffer, "PNG")
    image = get_image_model()(title="Stripes", description="Three bands", file=ImageFile(buffer, name="stripes.png"))
    if focal_point:
        image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = focal_point
    image.save()
    return image


def file_of(image, url):
    """The rendition file behind ``url``, opened with Pillow."""
    rendition = next(r for r in image.renditions.all() if url.endswith(r.file.name))
    with rendition.file.open("rb") as handle:
        picture = PILImage.open(BytesIO(handle.read()))
        picture.load()
    return picture


def band(colour):
    """Which band a pixel's colour is (lossy formats shift colours a little)."""
    return "rgb"[max(range(3), key=lambda channel: colour[channel])]


def test_webp_sizes_are_webp_files(make_image):
    image = make_image(size=(900, 600))
    webp = [size for size in srcset(image) if size["format"] == "webp"]
    assert webp and all(size["url"].endswith(".webp") for size in webp)
    for size in webp:
        picture = file_of(image, size["url"])
        assert picture.format == "WEBP"
        assert picture.size == (size["width"], size["height"])
    original = [size for size in srcset(image) if size["format"] == "png"]
    assert original and all(file_of(image, size["url"]).format == "PNG" for size in original)


@pytest.mark.skipif(not AVIF_WRITABLE, reason="the installed Pillow does not write AVIF")
def test_avif_sizes_come_first_when_pillow_writes_avif(make_image, settings):
    settings.CMS_IMAGE_FORMATS = ["avif", "webp", "original"]
    image = make_image(size=(500, 300))
    sizes = srcset(image, aspect_ratios=["original"])
    assert [(size["format"], size["width"]) for size in sizes] == [
        ("avif", 400),
        ("avif", 500),
        ("webp", 400),
        ("webp", 500),
        ("png", 400),
        ("png", 500),
    ]
    assert file_of(image, sizes[0]["url"]).format == "AVIF"


def test_without_avif_in_the_setting_none_is_made(make_image, settings):
    settings.CMS_IMAGE_FORMATS = ["webp", "original"]
    assert {size["format"] for size in srcset(make_image(size=(200, 100)))} == {"webp", "png"}


def crop_bands(image, aspect_ratio):
    size = next(s for s in srcset(image, aspect_ratios=[aspect_ratio]) if s["format"] == "png" and s["width"] == 400)
    picture = file_of(image, size["url"]).convert("RGB")
    width, height = picture.size
    return band(picture.getpixel((2, height // 2))), band(picture.getpixel((width - 3, height // 2)))


def test_a_focal_point_on_the_right_keeps_the_right_of_the_picture():
    # A square cut of a 1500x900 picture is 900 wide: it cannot hold all three bands.
    assert crop_bands(striped_image(), "1:1") == ("r", "b")  # no focal point: the centre, 300..1200
    assert crop_bands(striped_image(focal_point=(1400, 450, 100, 100)), "1:1") == ("g", "b")
    assert crop_bands(striped_image(focal_point=(100, 450, 100, 100)), "1:1") == ("r", "g")


def test_a_focal_point_moves_every_width_of_a_crop_alike():
    image = striped_image(focal_point=(1400, 450, 100, 100))
    squares = [s for s in srcset(image, aspect_ratios=["1:1"]) if s["format"] == "png"]
    assert [s["width"] for s in squares] == [400, 800, 900]
    for size in squares:
        picture = file_of(image, size["url"]).convert("RGB")
        # The same picture at each width (srcset needs that): the cut is 560..1460, green then blue.
        assert band(picture.getpixel((picture.width * 2 // 9, 5))) == "g"
        assert band(picture.getpixel((picture.width * 5 // 9, 5))) == "b"
