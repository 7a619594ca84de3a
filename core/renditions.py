"""The fixed set of image sizes every screen gets: widths x aspect ratios x formats, as absolute URLs.

An image is offered at ``WIDTHS`` (never enlarged: a width the image or its crop does not
reach is replaced by the largest size it has), for each aspect ratio in ``ASPECT_RATIOS``
(``original`` keeps the image's proportions; the others are cut around the focal point the
editor set, or around the centre), in each of ``formats()``: those of ``CMS_IMAGE_FORMATS``
(AVIF, WebP and the original's format), AVIF only when the installed Pillow writes it.
Nothing else is ever generated for the public: a client cannot ask for a size.

The crops use ``fill-WxH`` with crop closeness 0: the largest box of that ratio, placed so
that it covers the focal point. Every width of one ratio is then the same picture at another
resolution, as ``srcset`` requires (``-c100`` would zoom in further at small widths).

URLs are absolute: the root comes from the request being served (``RequestRootMiddleware``),
outside a request from the default Site's root URL; a ``MEDIA_URL`` that is already absolute
(a CDN, a bucket) is kept as it is.
"""

import contextvars
import os
from urllib.parse import urljoin

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from PIL import features
from wagtail.images import get_image_model
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.models import Site

from .caching import remembered

# Widths in CSS pixels of the image files offered (a srcset's ``w`` descriptors).
WIDTHS = (400, 800, 1200, 1600)
# ``aspect_ratio`` value: (width, height), or None for the image's own proportions.
ASPECT_RATIOS = {"original": None, "16:9": (16, 9), "1:1": (1, 1)}
# Output formats CMS_IMAGE_FORMATS may name, best first; "original" is the uploaded file's format
# (as Wagtail converts it: BMP to PNG, HEIC to JPEG, a still GIF to PNG).
FORMATS = ("avif", "webp", "original")
AVIF_WRITABLE = features.check("avif")
# The formats a rendition's ``format`` may name.
FORMAT_NAMES = ("avif", "webp", "jpeg", "png", "gif", "ico")
_EXTENSIONS = {"jpg": "jpeg", "jpeg": "jpeg"}


def filter_spec(width, aspect_ratio, image_format):
    """Wagtail's filter spec of one size, e.g. ``fill-800x450|format-webp``."""
    ratio = ASPECT_RATIOS[aspect_ratio]
    spec = f"width-{width}" if ratio is None else f"fill-{width}x{round(width * ratio[1] / ratio[0])}"
    return spec if image_format == "original" else f"{spec}|format-{image_format}"


def formats():
    """The formats served, best first: ``CMS_IMAGE_FORMATS``, AVIF only where Pillow writes it."""
    return [fmt for fmt in FORMATS if fmt in settings.CMS_IMAGE_FORMATS and (fmt != "avif" or AVIF_WRITABLE)]


# Every spec an image may need: what ``prefetch_renditions`` fetches.
ALL_SPECS = tuple(filter_spec(width, ratio, fmt) for ratio in ASPECT_RATIOS for fmt in FORMATS for width in WIDTHS)


def widths_for(image, aspect_ratio):
    """The ``WIDTHS`` worth making for ``image`` cut to ``aspect_ratio``: up to the first it does not reach."""
    ratio = ASPECT_RATIOS[aspect_ratio]
    natural = image.width if ratio is None else min(image.width, image.height * ratio[0] / ratio[1])
    chosen = []
    for width in WIDTHS:
        chosen.append(width)
        if width >= natural:
            break  # this one comes at the natural size; larger ones would be the same file
    return chosen


def specs_for(image, aspect_ratios=None):
    """``[(aspect_ratio, spec)]`` of every size ``image`` is offered in, in ``srcset`` order."""
    served = formats()
    return [
        (ratio, filter_spec(width, ratio, fmt))
        for ratio in aspect_ratios or ASPECT_RATIOS
        for fmt in served
        for width in widths_for(image, ratio)
    ]


def prefetch_renditions(images):
    """Fetch the existing renditions of many images in one query."""
    images = [image for image in images if not hasattr(image, "prefetched_renditions")]
    if images:
        rendition_model = get_image_model().get_rendition_model()
        prefetch_related_objects(
            images,
            Prefetch(
                "renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=ALL_SPECS),
                to_attr="prefetched_renditions",
            ),
        )


def srcset(image, aspect_ratios=None):
    """Every size of ``image``: ``[{url, width, height, format, aspect_ratio}]``, made if missing.

    ``aspect_ratios`` (names in ``ASPECT_RATIOS``) limits them to those ratios (a template
    showing one crop need not make the others).

    An image whose file is gone (or an SVG, which has no raster sizes) has none: the API then
    still answers, with an empty list, rather than failing.
    """
    if image.is_svg():
        return []
    specs = specs_for(image, aspect_ratios)
    try:
        renditions = image.get_renditions(*(spec for _ratio, spec in specs))
    except (InvalidFilterSpecError, OSError):  # OSError: Wagtail's SourceImageIOError, a missing file
        return []
    root = media_root_url()
    sizes, seen = [], set()
    for ratio, spec in specs:
        rendition = renditions[spec]
        size = {
            "url": urljoin(root, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "format": _format_of(rendition.file.name),
            "aspect_ratio": ratio,
        }
        # A WebP original makes its "original" sizes WebP too: one of each is enough.
        if (ratio, size["format"], size["width"]) not in seen:
            seen.add((ratio, size["format"], size["width"]))
            sizes.append(size)
    return sizes


def _format_of(name):
    extension = os.path.splitext(name)[1].lstrip(".").lower()
    return _EXTENSIONS.get(extension, extension)


_request_root = contextvars.ContextVar("cms_request_root", default=None)


def media_root_url():
    """``scheme://host[:port]/`` of the request being served, else of the default Site."""
    request = _request_root.get()
    if request is not None:
        return request.build_absolute_uri("/")
    return remembered("default-site-root-url", _default_site_root) or "/"


def _default_site_root():
    site = Site.objects.filter(is_default_site=True).first()
    # Wagtail's root_url leaves out the default ports (80 for http, 443 for https).
    return f"{site.root_url}/" if site else None


class RequestRootMiddleware:
    """Makes the request's own scheme, host and port the root of the image URLs built while serving it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_root.set(request)
        try:
            return self.get_response(request)
        finally:
            _request_root.reset(token)
