"""References inside treatment bodies: which values point at objects, and rewriting them.

Export turns database ids into keys, import turns keys back into ids; both rewrite the same
values, found by the shared StreamField walk: chooser values and rich-text links.
"""

import re

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from clinic.models import Practitioner
from core.streamfield import StreamDataError, map_leaves

from .format import PortabilityError

REFERENCING_BLOCKS = (blocks.ChooserBlock, blocks.RichTextBlock)

_ID_ATTR = re.compile(r'\bid="([^"]*)"')


def map_references(stream_block, raw, rewrite):
    """Stored StreamField JSON with every chooser and rich-text value passed through ``rewrite``.

    ``rewrite(block, value)`` gets null values too. Blocks the definition does not know, and
    values of the wrong shape, are refused.
    """
    try:
        return map_leaves(stream_block, raw, rewrite, leaves=REFERENCING_BLOCKS, strict=True)
    except StreamDataError as error:
        raise PortabilityError(str(error)) from error


def rewrite_rich_text(html, link, embed):
    """Replace the ``id`` of Wagtail's ``<a linktype=...>`` and ``<embed embedtype=...>`` tags."""

    def rewrite(match, kind, mapper):
        attrs = extract_attrs(match.group(1))
        tag_type = attrs.get(kind)
        if tag_type is None or "id" not in attrs:
            return match.group(0)
        new_id = mapper(tag_type, attrs["id"])
        return match.group(0).replace(match.group(1), _ID_ATTR.sub(f'id="{new_id}"', match.group(1), count=1))

    html = FIND_A_TAG.sub(lambda m: rewrite(m, "linktype", link), html)
    return FIND_EMBED_TAG.sub(lambda m: rewrite(m, "embedtype", embed), html)


def chooser_kind(block):
    """'image', 'page' or 'practitioner': which kind of object a chooser block refers to."""
    if isinstance(block, blocks.PageChooserBlock):
        return "page"
    model = block.target_model
    if model is get_image_model():
        return "image"
    if model is Practitioner:
        return "practitioner"
    raise PortabilityError(f"Blocks choosing {model._meta.verbose_name_plural} cannot be exported yet.")
