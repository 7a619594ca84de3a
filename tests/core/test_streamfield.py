"""The one StreamField walker: leaves of stored and Python values, pruning, rewriting, definitions."""

import copy

import pytest
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

from core.streamfield import (
    LEAF,
    LIST,
    STREAM,
    STRUCT,
    StreamDataError,
    child_blocks,
    holds,
    is_list_item,
    kind,
    map_leaves,
    visit,
    walk,
)

STEP = blocks.StructBlock(
    [("text", blocks.RichTextBlock()), ("page", blocks.PageChooserBlock(required=False))],
)
SECTION = blocks.StructBlock(
    [
        ("heading", blocks.CharBlock()),
        ("image", ImageChooserBlock(required=False)),
        ("steps", blocks.ListBlock(STEP)),
    ]
)
NOTE = blocks.StructBlock([("title", blocks.CharBlock()), ("tags", blocks.ListBlock(blocks.CharBlock()))])
BODY = blocks.StreamBlock([("section", SECTION), ("note", NOTE), ("quote", blocks.CharBlock())])
CHOOSERS = (blocks.ChooserBlock,)


def stored(steps):
    return [
        {
            "type": "section",
            "id": "s1",
            "value": {"heading": "Before", "image": 7, "steps": steps, "legacy": "kept"},
        },
        {"type": "quote", "id": "q1", "value": "Calm."},
        {
            "type": "note",
            "id": "n1",
            "value": {"title": "Tags", "tags": ["a", {"type": "item", "value": "b", "id": "t"}]},
        },
    ]


NEW_STEPS = [
    {"type": "item", "id": "i1", "value": {"text": "<p>One</p>", "page": 3}},
    {"type": "item", "id": "i2", "value": {"text": "<p>Two</p>", "page": None}},
]
OLD_STEPS = [{"text": "<p>One</p>", "page": 3}, {"text": "<p>Two</p>", "page": None}]


def leaves_of(raw, **options):
    return [(type(block).__name__, value, path) for block, value, path in walk(BODY, raw, **options)]


def test_walk_yields_every_leaf_of_new_format_lists_with_item_ids():
    assert leaves_of(stored(NEW_STEPS)) == [
        ("CharBlock", "Before", ("s1", "heading")),
        ("ImageChooserBlock", 7, ("s1", "image")),
        ("RichTextBlock", "<p>One</p>", ("s1", "steps", "i1", "text")),
        ("PageChooserBlock", 3, ("s1", "steps", "i1", "page")),
        ("RichTextBlock", "<p>Two</p>", ("s1", "steps", "i2", "text")),
        ("PageChooserBlock", None, ("s1", "steps", "i2", "page")),
        ("CharBlock", "Calm.", ("q1",)),
        ("CharBlock", "Tags", ("n1", "title")),
        ("CharBlock", "a", ("n1", "tags", 0)),
        ("CharBlock", "b", ("n1", "tags", "t")),
    ]


def test_old_format_lists_give_the_same_leaves_at_their_positions():
    new = leaves_of(stored(NEW_STEPS))
    old = leaves_of(stored(OLD_STEPS))
    assert [(name, value) for name, value, _path in old] == [(name, value) for name, value, _path in new]
    assert [path for _name, _value, path in old][2:6] == [
        ("s1", "steps", 0, "text"),
        ("s1", "steps", 0, "page"),
        ("s1", "steps", 1, "text"),
        ("s1", "steps", 1, "page"),
    ]


def test_is_list_item_tells_the_two_list_formats_apart():
    assert is_list_item({"type": "item", "value": "b", "id": "t"})
    assert not is_list_item("b")
    assert not is_list_item({"type": "item", "value": "b"})  # no id: a plain dict value
    assert not is_list_item({"text": "<p>One</p>", "page": 3})


def test_leaves_option_keeps_only_those_blocks_and_skips_parts_holding_none():
    assert leaves_of(stored(NEW_STEPS), leaves=CHOOSERS) == [
        ("ImageChooserBlock", 7, ("s1", "image")),
        ("PageChooserBlock", 3, ("s1", "steps", "i1", "page")),
        ("PageChooserBlock", None, ("s1", "steps", "i2", "page")),
    ]
    assert holds(BODY, CHOOSERS) and holds(SECTION, CHOOSERS) and holds(STEP, CHOOSERS)
    assert not holds(NOTE, CHOOSERS) and not holds(blocks.CharBlock(), CHOOSERS)


def test_pruned_parts_are_not_read_at_all():
    # A note of the wrong shape: a strict walk refuses it, unless the walk looks for choosers only.
    raw = stored(NEW_STEPS)
    raw[2]["value"] = "not an object"
    with pytest.raises(StreamDataError, match="Expected an object for StructBlock, got str"):
        list(walk(BODY, raw, strict=True))
    assert len(list(walk(BODY, raw, leaves=CHOOSERS, strict=True))) == 3


def test_data_that_does_not_fit_is_skipped_or_refused_when_strict():
    raw = [{"type": "gallery", "value": {}}, "junk", *stored(NEW_STEPS)]
    assert leaves_of(raw) == leaves_of(stored(NEW_STEPS))
    with pytest.raises(StreamDataError, match="Unknown block 'gallery'."):
        list(walk(BODY, raw, strict=True))
    with pytest.raises(StreamDataError, match="Expected a list of blocks for StreamBlock, got dict"):
        list(walk(BODY, {}, strict=True))
    assert list(walk(BODY, None)) == []


@pytest.mark.parametrize("steps", [NEW_STEPS, OLD_STEPS], ids=["new lists", "old lists"])
def test_map_leaves_rewrites_choosers_and_keeps_everything_else(steps):
    raw = stored(steps)
    before = copy.deepcopy(raw)
    seen = []

    def rewrite(block, value):
        seen.append(value)
        return None if value is None else f"ref-{value}"

    mapped = map_leaves(BODY, raw, rewrite, leaves=CHOOSERS)

    assert raw == before, "the stored data is not changed in place"
    assert seen == [7, 3, None]
    expected = copy.deepcopy(before)
    expected[0]["value"]["image"] = "ref-7"
    step_values = [s["value"] if is_list_item(s) else s for s in expected[0]["value"]["steps"]]
    step_values[0]["page"] = "ref-3"
    assert mapped == expected
    assert mapped[0]["value"]["legacy"] == "kept" and list(mapped[0]["value"]) == list(before[0]["value"])


def test_map_leaves_keeps_unknown_blocks_unless_strict():
    raw = [{"type": "gallery", "value": {"image": 1}}, *stored(NEW_STEPS)]
    mapped = map_leaves(BODY, raw, lambda block, value: value, leaves=CHOOSERS)
    assert mapped == raw
    with pytest.raises(StreamDataError, match="Unknown block 'gallery'"):
        map_leaves(BODY, raw, lambda block, value: value, strict=True)


@pytest.mark.django_db
def test_python_values_walk_like_their_stored_form():
    raw = [item for item in stored(NEW_STEPS) if item["type"] != "section"]
    raw.append({"type": "section", "id": "s2", "value": {"heading": "After", "image": None, "steps": OLD_STEPS[1:]}})
    value = BODY.to_python(raw)

    python = [(type(block).__name__, found, path) for block, found, path in walk(BODY, value)]

    assert [(name, path) for name, _found, path in python] == [(name, path) for name, _found, path in leaves_of(raw)]
    texts = [found for name, found, _path in python if name == "RichTextBlock"]
    assert all(isinstance(text, RichText) for text in texts) and texts[0].source == "<p>Two</p>"


def test_kinds_children_and_visit_read_the_definitions():
    assert [kind(b) for b in (BODY, SECTION, SECTION.child_blocks["steps"], blocks.CharBlock())] == [
        STREAM,
        STRUCT,
        LIST,
        LEAF,
    ]
    assert child_blocks(SECTION.child_blocks["steps"]) == (STEP,)
    assert child_blocks(blocks.CharBlock()) == ()

    class Names:
        def visit_stream(self, block):
            return {name: visit(child, self) for name, child in block.child_blocks.items()}

        def visit_struct(self, block):
            return {name: visit(child, self) for name, child in block.child_blocks.items()}

        def visit_list(self, block):
            return [visit(block.child_block, self)]

        def visit_leaf(self, block):
            return type(block).__name__

    assert visit(BODY, Names())["section"]["steps"] == [{"text": "RichTextBlock", "page": "PageChooserBlock"}]


def test_struct_children_come_in_the_definitions_order_whatever_the_stored_order():
    # PostgreSQL's jsonb hands objects back with their keys reordered (shortest first).
    reordered = [{"type": "note", "id": "n1", "value": {"tags": ["x"], "title": "First"}}]
    assert [value for _block, value, _path in walk(BODY, reordered)] == ["First", "x"]
