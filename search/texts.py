"""A result's words in reading order, read from its stored JSON: no query per result.

Wagtail's own ``get_searchable_content`` turns the whole body into Python values first, which
loads every chosen object (a testimonial's practitioner: one query per result). Chosen objects
add no words to an excerpt, so they are skipped unread and each text leaf gives its words.
"""

from wagtail import blocks

from core.streamfield import walk

# Leaves whose value is a text (choosers, numbers, dates and booleans carry no excerpt words).
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock, blocks.ChoiceBlock)


def body_texts(stream_value):
    """The searchable words of a StreamField value's text leaves, in stored order."""
    texts = []
    raw = list(stream_value.raw_data)
    sections = stream_value.stream_block.child_blocks
    # A section that keeps its words out of the index (``searchable = False``) keeps them out of
    # excerpts too.
    shown = [item for item in raw if getattr(sections.get(item.get("type")), "searchable", True)]
    for leaf, value, _path in walk(stream_value.stream_block, shown, leaves=TEXT_BLOCKS):
        if value not in (None, ""):
            texts.extend(leaf.get_searchable_content(leaf.to_python(value)))
    return texts


def searchable_texts(page):
    """The page's words in reading order, as the search index sees them: summary, then body."""
    return [page.summary, *body_texts(page.body)]
