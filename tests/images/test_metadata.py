"""Uploaded photos lose GPS, device, dates, XMP, comments and their file name: originals and renditions."""

import hashlib
import json
import os
import re
from io import BytesIO, StringIO

import pytest
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import ExifTags, PngImagePlugin
from PIL import Image as PILImage
from wagtail.images import get_image_model

from core.image_files import clean_image
from core.renditions import AVIF_WRITABLE, WIDTHS, srcset
from tests.treatments.editorial import make_user

pytestmark = pytest.mark.django_db

BLUE, RED = (20, 20, 230), (230, 20, 20)
PATIENT = "Jane-Doe"
# Words of the metadata written into the test photos; none may be left in any stored file.
SECRETS = (b"SecretCam", b"ModelX", b"2026:01:02", b"Jane", b"Doe", b"Exif", b"GPS", b"xmpmeta")
RANDOM_ORIGINAL = re.compile(r"^original_images/[0-9a-f]{32}\.(jpg|png|webp|gif|avif|heic)$")


def photo_exif(orientation=6):
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "SecretCam"
    exif[ExifTags.Base.Model] = "ModelX"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Artist] = "Jane Doe"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (45.0, 31.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (122.0, 40.0, 30.0)
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2026:01:02 03:04:05"
    return exif


def phone_jpeg(size=(1000, 500)):
    """A phone's JPEG held sideways: blue left half, red right half, EXIF orientation 6 (turn right)."""
    picture = PILImage.new("RGB", size, RED)
    picture.paste(BLUE, (0, 0, size[0] // 2, size[1]))
    buffer = BytesIO()
    picture.save(
        buffer,
        "JPEG",
        exif=photo_exif(),
        comment=b"Jane Doe, before",
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">Jane Doe</x:xmpmeta>',
        quality=90,
    )
    content = buffer.getvalue()
    assert all(word in content for word in (b"SecretCam", b"Exif", b"Jane", b"xmpmeta"))
    return content


def stored_bytes(field_file):
    with field_file.open("rb") as handle:
        return handle.read()


def assert_no_metadata(content):
    picture = PILImage.open(BytesIO(content))
    assert not picture.getexif()
    assert not [
        key for key in ("exif", "xmp", "comment", "XML:com.adobe.xmp", "Author", "metadata") if picture.info.get(key)
    ]
    assert not [word for word in SECRETS if word in content]


def assert_upright(content):
    """The photo turned as its orientation said: portrait, blue on top, red below."""
    picture = PILImage.open(BytesIO(content)).convert("RGB")
    width, height = picture.size
    assert height > width
    top, bottom = picture.getpixel((width // 2, height // 4)), picture.getpixel((width // 2, 3 * height // 4))
    assert top[2] > 150 > top[0] and bottom[0] > 150 > bottom[2]


def assert_clean_original(image):
    content = stored_bytes(image.file)
    assert RANDOM_ORIGINAL.match(image.file.name), image.file.name
    assert image.file_size == len(content) == image.file.size
    assert image.file_hash == hashlib.sha1(content).hexdigest()  # noqa: S324 (Wagtail's file hash)
    assert_no_metadata(content)
    return content


def test_a_photo_created_through_the_orm_is_stored_without_metadata_under_a_random_name():
    image = get_image_model().objects.create(
        title="Forehead, before", file=ImageFile(BytesIO(phone_jpeg()), name=f"{PATIENT}-before.jpg")
    )
    image.refresh_from_db()
    content = assert_clean_original(image)
    assert_upright(content)
    assert (image.width, image.height) == (500, 1000)
    assert image.title == "Forehead, before"
    assert "jane" not in image.file.name.lower() and "before" not in image.file.name


def test_every_rendition_of_the_photo_is_without_metadata(settings):
    settings.CMS_IMAGE_FORMATS = ["avif", "webp", "original"]
    image = get_image_model().objects.create(
        title="Forehead, before", file=ImageFile(BytesIO(phone_jpeg()), name=f"{PATIENT}.jpg")
    )
    sizes = srcset(image)
    formats = {size["format"] for size in sizes}
    assert formats == ({"avif", "webp", "jpeg"} if AVIF_WRITABLE else {"webp", "jpeg"})
    assert {size["width"] for size in sizes if size["aspect_ratio"] == "original"} == {WIDTHS[0], 500}
    renditions = list(image.renditions.all())
    assert len(renditions) == len(sizes)
    for rendition in renditions:
        assert "jane" not in rendition.file.name.lower()
        content = stored_bytes(rendition.file)
        assert_no_metadata(content)
    original_sizes = [rendition for rendition in renditions if rendition.filter_spec.startswith("width-")]
    assert all(rendition.height > rendition.width for rendition in original_sizes)


def test_a_png_loses_its_text_chunks():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Doe")
    info.add_itxt("XML:com.adobe.xmp", '<x:xmpmeta xmlns:x="adobe:ns:meta/">Jane Doe</x:xmpmeta>')
    buffer = BytesIO()
    PILImage.new("RGBA", (300, 200), (10, 200, 10, 128)).save(buffer, "PNG", pnginfo=info, exif=photo_exif(1))
    image = get_image_model().objects.create(title="Logo", file=ImageFile(buffer, name="Jane Doe scan.png"))
    content = assert_clean_original(image)
    picture = PILImage.open(BytesIO(content))
    assert (picture.mode, picture.getpixel((5, 5))) == ("RGBA", (10, 200, 10, 128))


def test_cleaning_keeps_a_clean_file_byte_for_byte():
    once, extension = clean_image(phone_jpeg())
    assert extension == ".jpg"
    assert clean_image(once) == (once, ".jpg")


@pytest.mark.parametrize("image_format", ["WEBP", "AVIF", "HEIF"])
def test_webp_avif_and_heic_photos_lose_their_metadata_too(image_format):
    if image_format == "AVIF" and not AVIF_WRITABLE:
        pytest.skip("the installed Pillow does not write AVIF")
    picture = PILImage.new("RGB", (200, 100), RED)
    picture.paste(BLUE, (0, 0, 100, 100))
    buffer = BytesIO()
    picture.save(buffer, image_format, exif=photo_exif().tobytes(), xmp=b"<x:xmpmeta>Jane Doe</x:xmpmeta>")
    assert b"SecretCam" in buffer.getvalue()
    image = get_image_model().objects.create(title="Cheek", file=ImageFile(buffer, name=f"{PATIENT}.img"))
    content = assert_clean_original(image)
    assert_upright(content)
    assert clean_image(content) == (content, os.path.splitext(image.file.name)[1])  # kept as it is now


def test_an_animated_gif_keeps_its_frames_and_timing():
    frames = [PILImage.new("RGB", (40, 40), colour) for colour in (RED, BLUE, (20, 200, 20))]
    buffer = BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=[100, 200, 300], comment=b"Jane")
    cleaned, extension = clean_image(buffer.getvalue())
    picture = PILImage.open(BytesIO(cleaned))
    durations = []
    for frame in range(picture.n_frames):
        picture.seek(frame)
        durations.append(picture.info["duration"])
    assert (extension, durations, b"Jane" in cleaned) == (".gif", [100, 200, 300], False)


def test_replacing_an_images_file_cleans_the_new_one_too():
    image = get_image_model().objects.create(title="Door", file=ImageFile(BytesIO(phone_jpeg()), name="door.jpg"))
    first_name = image.file.name
    image.file = ImageFile(BytesIO(phone_jpeg((600, 400))), name=f"{PATIENT}-after.jpg")
    image.save()
    assert image.file.name != first_name
    assert_clean_original(image)
    image.title = "Front door"
    image.save()  # no new file: nothing is rewritten
    assert image.file.name != first_name and RANDOM_ORIGINAL.match(image.file.name)


@pytest.fixture
def editor(client):
    user = make_user("writer", "Editors")
    client.force_login(user)
    return user


def test_the_admins_multiple_upload_stores_the_photo_clean_and_untitled(client, editor):
    upload = SimpleUploadedFile(f"{PATIENT}-before.jpg", phone_jpeg(), content_type="image/jpeg")
    response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload})
    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["success"] is True, answer
    image = get_image_model().objects.get(pk=answer["image_id"])
    assert_upright(assert_clean_original(image))
    # The title Wagtail derived from the file name is not kept: it would be the alt text.
    assert image.title.startswith("Untitled image, uploaded ")
    assert PATIENT not in response.content.decode()
    assert image.uploaded_by_user == editor


def test_the_admins_single_upload_keeps_the_title_the_editor_typed(client, editor):
    upload = SimpleUploadedFile(f"{PATIENT}.jpg", phone_jpeg(), content_type="image/jpeg")
    response = client.post(reverse("wagtailimages:add"), {"title": "Forehead, before", "file": upload})
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.title == "Forehead, before"
    assert_clean_original(image)


def test_a_damaged_photo_is_a_form_error_not_a_server_error(client, editor):
    content = phone_jpeg()
    damaged = content[: len(content) // 3]  # Pillow's quick check passes; decoding fails
    upload = SimpleUploadedFile("photo.jpg", damaged, content_type="image/jpeg")
    response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload})
    answer = json.loads(response.content)
    assert response.status_code == 200 and answer["success"] is False
    assert "not a readable image" in answer["error_message"]
    upload = SimpleUploadedFile("photo.jpg", damaged, content_type="image/jpeg")
    response = client.post(reverse("wagtailimages:add"), {"title": "Photo", "file": upload})
    assert response.status_code == 200
    assert "not a readable image" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_named_file_already_stored_is_replaced_by_its_clean_copy(django_capture_on_commit_callbacks):
    # What Wagtail's multiple upload does when other fields must be filled in first: store, then save.
    storage = get_image_model()._meta.get_field("file").storage
    stored_name = storage.save(f"original_images/{PATIENT}.jpg", ImageFile(BytesIO(phone_jpeg())))
    with django_capture_on_commit_callbacks(execute=True):
        image = get_image_model().objects.create(title="Forehead", file=stored_name)
    assert_clean_original(image)
    assert not storage.exists(stored_name)


def test_images_stored_before_are_cleaned_by_the_command(django_capture_on_commit_callbacks, settings):
    settings.CMS_IMAGE_FORMATS = ["webp", "original"]
    image = get_image_model().objects.create(title="Old photo", file=ImageFile(BytesIO(phone_jpeg()), name="a.jpg"))
    # As an image uploaded before this rule was stored: its file named and full of metadata.
    storage = image.file.storage
    legacy_name = storage.save(f"original_images/{PATIENT}-legacy.jpg", ImageFile(BytesIO(phone_jpeg())))
    get_image_model().objects.filter(pk=image.pk).update(file=legacy_name)
    image.refresh_from_db()
    legacy_rendition = image.get_rendition("width-400")
    assert "Jane" in legacy_rendition.file.name
    # Willow copies the source's EXIF into renditions: why the original itself must be clean.
    assert b"SecretCam" in stored_bytes(legacy_rendition.file)

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("strip_image_metadata", stdout=out)
    assert "1 image(s) cleaned." in out.getvalue()
    image.refresh_from_db()
    assert_upright(assert_clean_original(image))
    assert not storage.exists(legacy_name) and not storage.exists(legacy_rendition.file.name)
    assert not image.renditions.exists()
    assert_no_metadata(stored_bytes(image.get_rendition("width-400").file))

    out = StringIO()
    call_command("strip_image_metadata", stdout=out)
    assert "0 image(s) cleaned." in out.getvalue()
