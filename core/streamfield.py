"""The one walk over StreamField blocks and values: what sits where, read from the block definitions.

Wagtail builds every StreamField from three containers (StreamBlock, StructBlock, ListBlock)
around leaf blocks (text, choosers, rich text, ...). This module is the only place that knows
how each container holds its children, in the stored JSON ("raw" data) and in Python values:

- a StreamBlock: a list of ``{"type": name, "value": ..., "id": ...}`` (a ``StreamValue`` in Python),
- a StructBlock: an object keyed by child name (a ``StructValue``, itself a dict),
- a ListBlock: a list of ``{"type": "item", "value": ..., "id": ...}``, or, as written before
  Wagtail 2.16, a plain list of values (a ``ListValue`` in Python).

``walk`` yields the leaves of a value, ``map_leaves`` rewrites them in a copy of raw data, and
``visit`` dispatches on the definitions alone (e.g. to describe them as JSON Schema). Passing
``leaves=`` (classes of leaf blocks) skips, unread, every part whose definition holds none of
them: most of a page is text, and a walk for choosers need not read it.
"""

from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListValue

STREAM = "stream"
STRUCT = "struct"
LIST = "list"
LEAF = "leaf"


class StreamDataError(ValueError):
    """Stored data that does not fit its block definition; raised only by strict walks."""


def kind(block):
    """What ``block`` is: ``STREAM``, ``STRUCT``, ``LIST`` or ``LEAF`` (any block holding no blocks)."""
    if isinstance(block, blocks.StreamBlock):
        return STREAM
    if isinstance(block, blocks.StructBlock):
        return STRUCT
    if isinstance(block, blocks.ListBlock):
        return LIST
    return LEAF


def child_blocks(block):
    """The blocks directly inside ``block``: a list's item block, a stream's or struct's children."""
    shape = kind(block)
    if shape is LEAF:
        return ()
    if shape is LIST:
        return (block.child_block,)
    return tuple(block.child_blocks.values())


def visit(block, visitor):
    """``visitor.visit_stream(block)``, ``visit_struct``, ``visit_list`` or ``visit_leaf``, by what ``block`` is."""
    return getattr(visitor, f"visit_{kind(block)}")(block)


# leaves -> {id(block): (block, its kind, whether a walk for those leaves enters it)}; leaves is None
# for walks over every leaf. Each entry keeps its block, so that no other block can take over its id.
_known = {}


def _entry(block, leaves, known):
    entry = known.get(id(block))
    if entry is None or entry[0] is not block:
        enters = leaves is None or isinstance(block, leaves) or any(holds(c, leaves) for c in child_blocks(block))
        entry = known[id(block)] = (block, kind(block), enters)
    return entry


def holds(block, leaves):
    """Whether ``block`` is, or has anywhere inside it, a block of the classes ``leaves``."""
    return _entry(block, leaves, _known.setdefault(leaves, {}))[2]


def is_list_item(item):
    """Whether a stored ListBlock entry is in the ``{"type": "item", "value", "id"}`` format."""
    return isinstance(item, dict) and item.get("type") == "item" and "value" in item and "id" in item


# What each container's stored value must be, and how a strict walk says it is not.
_STORED_AS = {STREAM: (list | tuple, "a list of blocks"), STRUCT: (dict, "an object"), LIST: (list | tuple, "a list")}


def _fits(block, shape, value, strict):
    """Whether a container's value has the shape its definition stores (raw or Python)."""
    if isinstance(value, StreamValue | ListValue):
        return True
    types, described = _STORED_AS[shape]
    if isinstance(value, types):
        return True
    if strict:
        raise StreamDataError(f"Expected {described} for {type(block).__name__}, got {type(value).__name__}.")
    return False


def _children(block, shape, value, strict):
    """``(key, child block, child value, entry)`` for each value directly inside a container value.

    ``entry`` is the stored dict that wraps the child value (a stream item, a new-format list item),
    or None when the value stands on its own. The child block is None for a stream item of a type
    the stream does not know (skipped by walks, kept as it is by ``map_leaves``).
    """
    if shape is STRUCT:
        # In the definition's order, never the stored one: PostgreSQL's jsonb reorders an object's
        # keys (shortest first), which would put an FAQ's answer before its question.
        for name, child in block.child_blocks.items():
            if name in value:
                yield name, child, value[name], None
    elif isinstance(value, StreamValue):
        for position, child in enumerate(value):
            yield child.id or position, child.block, child.value, None
    elif isinstance(value, ListValue):
        for position, child in enumerate(value.bound_blocks):
            yield child.original_id or position, child.block, child.value, None
    elif shape is STREAM:
        for position, item in enumerate(value):
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is None:
                if strict:
                    name = item.get("type") if isinstance(item, dict) else item
                    raise StreamDataError(f"Unknown block {name!r}.")
                yield position, None, item, None
            else:
                yield item.get("id") or position, child, item.get("value"), item
    else:
        for position, item in enumerate(value):
            if is_list_item(item):
                yield item["id"] or position, block.child_block, item["value"], item
            else:
                yield position, block.child_block, item, None


def walk(block, value, leaves=None, strict=False, path=()):
    """Yield ``(leaf block, value, path)`` for each leaf value inside ``value``, in reading order.

    ``value`` is raw (stored JSON) or a Python value. Streams and lists are read in stored order,
    a struct's children in the order its definition declares them. ``path`` holds, from the top, a struct
    child's name or a stream or list item's id (its position when it has none). With
    ``leaves`` (a tuple of block classes) only leaves of those classes are yielded, and parts
    holding none are not read. A walk skips data that does not fit its definition, or raises
    ``StreamDataError`` when ``strict``.
    """
    known = _known.setdefault(leaves, {})
    _block, shape, enters = _entry(block, leaves, known)
    if not enters:
        return
    if shape is LEAF:
        yield block, value, path
    else:
        yield from _walk(block, shape, value, leaves, known, strict, path)


def _walk(block, shape, value, leaves, known, strict, path):
    # Children are pruned and leaves yielded here, in the parent: no generator for each of them.
    if not _fits(block, shape, value, strict):
        return
    for key, child, child_value, _wrapper in _children(block, shape, value, strict):
        if child is None:
            continue
        entry = known.get(id(child))
        if entry is None or entry[0] is not child:
            entry = _entry(child, leaves, known)
        _child, child_shape, enters = entry
        if not enters:
            continue
        if child_shape is LEAF:
            yield child, child_value, (*path, key)
        else:
            yield from _walk(child, child_shape, child_value, leaves, known, strict, (*path, key))


def map_leaves(block, raw, rewrite, leaves=None, strict=False):
    """A copy of raw data ``raw`` with each leaf value replaced by ``rewrite(leaf block, value)``.

    Everything else (block ids, list item formats, keys the definition does not know, data
    that does not fit) is kept as stored. ``leaves`` and ``strict`` as for ``walk``;
    ``rewrite`` sees null values too.
    """
    if leaves is not None and not holds(block, leaves):
        return raw
    shape = kind(block)
    if shape is LEAF:
        return rewrite(block, raw)
    if not _fits(block, shape, raw, strict):
        return raw
    children = _children(block, shape, raw, strict)
    if shape is STRUCT:
        return {**raw, **{key: map_leaves(child, value, rewrite, leaves, strict) for key, child, value, _ in children}}
    mapped = []
    for _key, child, value, entry in children:
        if child is not None:
            value = map_leaves(child, value, rewrite, leaves, strict)
        mapped.append(value if entry is None else {**entry, "value": value})
    return mapped


def blanks_to_null(block, data):
    """API JSON of ``block`` (``get_api_representation``'s output) with every optional text left
    empty (``""``) written as ``null``, the API's one way to say "absent" (issue 15); in place.

    Walks the API shape, which differs from the stored one: a ListBlock is a plain list of values.
    """
    shape = kind(block)
    if shape is STREAM and isinstance(data, list):
        for item in data:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None and "value" in item:
                item["value"] = blanks_to_null(child, item["value"])
    elif shape is STRUCT and isinstance(data, dict):
        for name, child in block.child_blocks.items():
            if name in data:
                value = data[name]
                data[name] = None if value == "" and not child.required else blanks_to_null(child, value)
    elif shape is LIST and isinstance(data, list):
        data[:] = [blanks_to_null(block.child_block, item) for item in data]
    return data
