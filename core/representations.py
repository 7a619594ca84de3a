"""Shapes of Wagtail objects any app shows: an image with its renditions, a link to a page."""

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model

# Rendition sizes front ends get for every image: a thumbnail and a full-width one.
RENDITIONS = {
    "small": "max-480x480",
    "large": "max-1600x1600",
}


def prefetch_renditions(images):
    """Fetch the existing renditions of many images in one query."""
    images = [image for image in images if not hasattr(image, "prefetched_renditions")]
    if images:
        rendition_model = get_image_model().get_rendition_model()
        prefetch_related_objects(
            images,
            Prefetch(
                "renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=RENDITIONS.values()),
                to_attr="prefetched_renditions",
            ),
        )


def _rendition_representation(rendition):
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height}


def image_representation(image):
    """An image as front ends need it: alt text, size and ready-to-use renditions."""
    if image is None:
        return None
    renditions = image.get_renditions(*RENDITIONS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.default_alt_text,
        "width": image.width,
        "height": image.height,
        "renditions": {name: _rendition_representation(renditions[spec]) for name, spec in RENDITIONS.items()},
    }


def page_representation(page):
    """A chosen page: enough to link to it."""
    if page is None:
        return None
    return {
        "id": page.pk,
        "title": page.title,
        "url_path": page.get_url(),
        "type": page.specific_class._meta.label if page.specific_class else None,
    }
