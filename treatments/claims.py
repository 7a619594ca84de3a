"""The claims check: warns an editor about absolute wording in a treatment page's blocks.

Warnings, not errors: "painless" may be fine in "not painless", so an editor decides.
The phrases live in settings (``CMS_CLAIM_WARNING_PHRASES`` everywhere,
``CMS_OFF_LABEL_WARNING_PHRASES`` inside off-label uses; defaults in ``cms/settings/base.py``).
"""

import re

from django.conf import settings
from django.utils.html import strip_tags
from wagtail.rich_text import RichText

from core.streamfield import walk

from .publish_checks import block_name, numbered_blocks

OFF_LABEL_BLOCK = "off_label_uses"


def _texts(block, value):
    """Every piece of text inside a block value, rich text as plain text."""
    # Chosen pages, images and snippets are not the editor's wording: only text leaves count.
    for _leaf, text, _path in walk(block, value):
        if isinstance(text, RichText):
            yield strip_tags(text.source)
        elif isinstance(text, str):
            yield text
        elif isinstance(text, list | tuple):
            yield from (choice for choice in text if isinstance(choice, str))  # a multiple choice


def _pattern(phrase):
    # Whole words, any case, and "FDA approved" matches "FDA-approved".
    words = [re.escape(word) for word in re.split(r"[\s-]+", phrase.strip()) if word]
    return re.compile(r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-])", re.IGNORECASE)


def claim_warnings(stream_value):
    """Warnings naming the block and the phrase, e.g. 'FAQ 1 (Questions): "painless" ...'."""
    claim_phrases = settings.CMS_CLAIM_WARNING_PHRASES
    off_label_phrases = settings.CMS_OFF_LABEL_WARNING_PHRASES
    warnings = []
    for child, number in numbered_blocks(stream_value):
        text = " ".join(_texts(child.block, child.value))
        phrases = list(claim_phrases)
        if child.block_type == OFF_LABEL_BLOCK:
            phrases += off_label_phrases
        for phrase in phrases:
            if _pattern(phrase).search(text):
                if phrase in off_label_phrases and child.block_type == OFF_LABEL_BLOCK:
                    why = "off-label uses are by definition not approved for this product"
                else:
                    why = "absolute wording a patient may read as a promise"
                warnings.append(f'{block_name(child, number)}: "{phrase}" is {why}. Please check the wording.')
    return warnings
