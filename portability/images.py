"""Image files of an export: written next to treatments.json, checked and recreated on import."""

import hashlib
from io import BytesIO
from pathlib import Path, PurePosixPath

from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from core.image_files import UnreadableImage, open_image

from .format import IMAGE_EXTENSIONS, IMAGES_DIR, PortabilityError
from .validation import clean_fields

# Fields an import sets on an image (the file aside).
IMAGE_FIELDS = ["title", "description", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"]


def image_filename(key, image):
    """Where in the folder the file of image ``key`` goes, e.g. ``images/image-1.png``."""
    extension = PurePosixPath(image.file.name).suffix.lower()
    return f"{IMAGES_DIR}/{key}{extension if extension in IMAGE_EXTENSIONS else '.bin'}"


def write_image(folder, key, image):
    """Copy ``image``'s original file into the export ``folder``; returns its record."""
    with image.open_file() as handle:
        content = handle.read()
    filename = image_filename(key, image)
    (folder / filename).write_bytes(content)
    focal_point = None
    if image.has_focal_point():
        focal_point = {
            "x": image.focal_point_x,
            "y": image.focal_point_y,
            "width": image.focal_point_width,
            "height": image.focal_point_height,
        }
    return {
        "key": key,
        "title": image.title,
        "description": image.description,
        "file": filename,
        "sha256": hashlib.sha256(content).hexdigest(),
        "focal_point": focal_point,
    }


def read_image_file(root, record):
    """The content of an image record's file, refused unless it is the image the export wrote."""
    relative = PurePosixPath(str(record["file"]))
    if relative.parent != PurePosixPath(IMAGES_DIR) or relative.suffix.lower() not in IMAGE_EXTENSIONS:
        raise PortabilityError(f"Image {record['key']}: '{relative}' is not an image file in {IMAGES_DIR}/.")
    file_path = Path(root) / relative
    if not file_path.is_file():
        raise PortabilityError(f"Image {record['key']}: {relative} is missing.")
    content = file_path.read_bytes()
    if hashlib.sha256(content).hexdigest() != record["sha256"]:
        raise PortabilityError(f"Image {record['key']}: {relative} does not match its checksum.")
    try:
        open_image(content).close()  # decoded in full: a file cut short is refused here, not on save
    except UnreadableImage as error:
        raise PortabilityError(f"Image {record['key']}: {relative} is not a readable image.") from error
    return content


def image_from_record(root, record):
    """The site's image for an export's image record (unsaved when new), its fields set and checked."""
    Image = get_image_model()
    content = read_image_file(root, record)
    file_hash = hash_filelike(BytesIO(content))
    # The same file under the same title is the same image: importing twice adds nothing.
    image = Image.objects.filter(file_hash=file_hash, title=record["title"]).first()
    if image is None:
        extension = PurePosixPath(record["file"]).suffix.lower()
        name = f"{slugify(record['title']) or 'image'}{extension}"
        # Size and hash set as the admin's upload form sets them.
        image = Image(
            title=record["title"],
            file=ImageFile(BytesIO(content), name=name),
            file_size=len(content),
            file_hash=file_hash,
        )
    image.description = record.get("description") or ""
    focal_point = record.get("focal_point") or {}
    if not isinstance(focal_point, dict):
        raise PortabilityError(f"Image {record['key']}: 'focal_point' must be an object or null.")
    image.focal_point_x = focal_point.get("x")
    image.focal_point_y = focal_point.get("y")
    image.focal_point_width = focal_point.get("width")
    image.focal_point_height = focal_point.get("height")
    clean_fields(image, IMAGE_FIELDS, f"Image {record['key']}")
    return image
