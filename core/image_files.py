"""An uploaded image's file keeps its pixels and loses everything else: metadata and its name.

Photos carry what a clinic must not publish: GPS position, camera make and model, the time taken,
XMP and IPTC fields (often the photographer's or patient's name), comments, text chunks, JFXX
thumbnails (which may show the uncropped photo). ``clean_image`` rewrites the file with Pillow:

- the EXIF orientation is applied to the pixels first, so the photo stands as it was shot;
- the ICC colour profile and transparency are kept (they are how the pixels look);
- every other piece of metadata is dropped;
- the format stays (JPEG, PNG, WebP, GIF, AVIF, HEIC); an MPO (a phone's JPEG with a second
  picture) keeps its first picture only, as a JPEG; animated GIF, WebP and PNG keep every frame
  and its timing.

A file that holds nothing to remove (no metadata, no rotation) in a lossy format is kept byte for
byte, so cleaning is idempotent and a clean JPEG is never re-encoded. A JPEG that must be rewritten
is encoded once with its own quantisation tables and subsampling (its own quality); PNG and GIF are
lossless; WebP stays lossless when it was.

The name is replaced by ``secrets.token_hex(16)`` and the format's extension: a patient's name in
the file name never reaches an original's or a rendition's URL.
"""

import re
import secrets
from io import BytesIO

from PIL import ExifTags, Image, ImageOps, ImageSequence, UnidentifiedImageError
from PIL.JpegImagePlugin import get_sampling

# Pillow format -> (extension, format written).
FORMATS = {
    "JPEG": (".jpg", "JPEG"),
    "MPO": (".jpg", "JPEG"),
    "PNG": (".png", "PNG"),
    "GIF": (".gif", "GIF"),
    "WEBP": (".webp", "WEBP"),
    "AVIF": (".avif", "AVIF"),
    "HEIF": (".heic", "HEIF"),
}
# What is kept of Pillow's ``info``: how the pixels look and move, nothing about who, where, when.
KEPT_INFO = ("icc_profile", "transparency", "duration", "loop", "background", "disposal")
# JPEG application segments that describe pixels only: JFIF (APP0), the ICC profile (APP2), Adobe
# colour transform (APP14). Anything else (EXIF, XMP, IPTC, JFXX thumbnails, maker notes) is removed.
PIXEL_SEGMENTS = {"APP0": b"JFIF\x00", "APP2": b"ICC_PROFILE\x00", "APP14": b"Adobe"}
# Metadata Pillow (and pillow-heif, whose "metadata" holds IPTC and other blocks) reports for WebP,
# AVIF and HEIC.
CONTAINER_METADATA = ("exif", "xmp", "XML:com.adobe.xmp", "metadata")
LOSSY_QUALITY = 90
RANDOM_NAME = re.compile(r"[0-9a-f]{32}\.[a-z]+")
UNREADABLE = (
    "This file is not a readable image (it may be damaged or cut short). "
    "Save it again as JPEG or PNG and upload it again."
)


class UnreadableImage(ValueError):
    """The file is not an image this site can read in full, in a format it accepts."""


def clean_image(content):
    """``(bytes, extension)``: ``content`` rewritten without metadata, or kept when it holds none.

    Raises ``UnreadableImage`` for a file Pillow cannot decode in full (truncated, corrupt, too
    many pixels) or whose format is not one of ``FORMATS``.
    """
    picture = open_image(content)
    with picture:
        extension, written_format = FORMATS[picture.format]
        if _holds_nothing_to_remove(picture):
            return content, extension
        if getattr(picture, "n_frames", 1) > 1 and picture.format != "MPO":
            return _rewrite_animation(picture, written_format, content), extension
        return _rewrite_still(picture, written_format, content), extension


def open_image(content):
    """The Pillow image of ``content``, decoded in full (its first frame), or ``UnreadableImage``."""
    try:
        picture = Image.open(BytesIO(content))
        picture.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise UnreadableImage(UNREADABLE) from error
    if picture.format not in FORMATS:
        picture.close()
        raise UnreadableImage(f"Images in {picture.format} format are not accepted: upload a JPEG, PNG or WebP.")
    return picture


def random_name(extension):
    """A file name that says nothing about the photo: 32 random hex digits and the extension."""
    return f"{secrets.token_hex(16)}{extension}"


def has_random_name(path):
    """Whether a stored file's name is one ``random_name`` gives."""
    return RANDOM_NAME.fullmatch(path.rsplit("/", 1)[-1]) is not None


def _holds_nothing_to_remove(picture):
    if picture.info.get("exif") or _readable_exif(picture):
        return False  # EXIF, including an orientation still to apply
    if picture.format == "JPEG":
        return "comment" not in picture.info and all(
            data.startswith(PIXEL_SEGMENTS.get(marker, b"\xff")) for marker, data in picture.applist
        )
    if picture.format in ("WEBP", "AVIF", "HEIF") and getattr(picture, "n_frames", 1) == 1:
        return not any(picture.info.get(key) for key in CONTAINER_METADATA)
    return False  # PNG and GIF are rewritten losslessly, which is idempotent


def _readable_exif(picture):
    """The EXIF Pillow can read, or an empty one when it is damaged (then it is not applied)."""
    try:
        return picture.getexif()
    except (SyntaxError, ValueError, OSError, KeyError, TypeError):
        return Image.Exif()


def _upright(picture):
    """A copy of ``picture`` turned as its EXIF orientation says (as it is when that is unreadable)."""
    if _readable_exif(picture).get(ExifTags.Base.Orientation, 1) == 1:
        return picture.copy()
    return ImageOps.exif_transpose(picture)


def _pixel_info(info):
    return {key: info[key] for key in KEPT_INFO if key in info}


def _options(picture, written_format, content):
    options = {}
    if picture.info.get("icc_profile"):
        options["icc_profile"] = picture.info["icc_profile"]
    if written_format == "JPEG":
        options["qtables"] = picture.quantization
        sampling = get_sampling(picture)
        if sampling != -1:
            options["subsampling"] = sampling
    elif written_format == "WEBP":
        lossless = _webp_is_lossless(content)
        options.update(lossless=lossless, quality=100 if lossless else LOSSY_QUALITY)
    elif written_format in ("AVIF", "HEIF"):
        options["quality"] = LOSSY_QUALITY
    return options


def _rewrite_still(picture, written_format, content):
    options = _options(picture, written_format, content)
    upright = _upright(picture)
    upright.info = _pixel_info(picture.info)
    output = BytesIO()
    upright.save(output, written_format, **options)
    return output.getvalue()


def _rewrite_animation(picture, written_format, content):
    options = _options(picture, written_format, content)
    frames, durations = [], []
    for frame in ImageSequence.Iterator(picture):
        durations.append(frame.info.get("duration", 0))
        copy = frame.copy()
        copy.info = _pixel_info(frame.info)
        frames.append(copy)
    output = BytesIO()
    frames[0].save(
        output,
        written_format,
        save_all=True,
        append_images=frames[1:],
        duration=durations,
        loop=picture.info.get("loop", 0),
        **options,
    )
    return output.getvalue()


def _webp_is_lossless(content):
    """Whether a WebP file's image chunk is VP8L (lossless) rather than VP8 (lossy)."""
    position = 12  # after "RIFF", the size and "WEBP"
    while position + 8 <= len(content):
        kind = content[position : position + 4]
        if kind in (b"VP8L", b"VP8 "):
            return kind == b"VP8L"
        if kind == b"ANMF":
            position += 8 + 16  # an animation frame: its header, then its own chunks
            continue
        size = int.from_bytes(content[position + 4 : position + 8], "little")
        position += 8 + size + (size & 1)
    return False
