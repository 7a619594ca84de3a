"""``?fields=``: which fields a page carries, one rule for the listing and the detail (issue 15).

Wagtail's grammar, with three changes a typed front end needs:

- **The detail narrows like the listing.** Without ``fields`` the detail sends every field. With
  ``fields``, the detail starts from the listing's default fields, as the listing does:
  ``fields=summary`` is the listing defaults plus ``summary``; ``fields=_,summary`` drops the
  defaults; ``fields=*`` is every field.
- **``id``, ``meta.type`` and ``title`` are always sent.** They identify the page and carry the
  discriminator a client narrows on: ``_`` keeps them, and ``-id``, ``-type`` or ``-title`` is a 400.
- **Nested selection** is done here, after Wagtail's serializer ran: ``reviewed_by(name)`` keeps
  those keys of an object (or of every object of a list), ``body(faq,testimonial)`` keeps those
  block types of a StreamField. Names that are not there are a 400 that lists the valid ones.
"""

from wagtail.api.v2 import serializers as v2
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter

# Never removed by ``fields``: a response can always be told apart by its ``meta.type``.
ALWAYS_SENT = ("id", "type", "title")


def parse(value):
    """``value`` of ``?fields=`` as Wagtail parses it; a syntax error is a 400."""
    try:
        return parse_fields_parameter(value)
    except ValueError as e:
        raise BadRequestError(f"fields error: {e}") from e


def wagtail_fields(value, listing_defaults, detail):
    """The ``fields`` string Wagtail's serializer builder is given, and the nested selections.

    Returns ``(fields or None, {field name: [sub-field names]})``.
    """
    if value is None:
        return None, {}
    config = parse(value)
    locked = sorted({name for name, negated, _sub in config if negated and name in ALWAYS_SENT})
    if locked:
        raise BadRequestError(f"fields: {', '.join(locked)} cannot be removed: id, type and title are always sent")
    nested = {}
    for name, _negated, sub in config:
        if sub:
            nested[name] = _sub_names(name, sub)
    parts = [("-" if negated else "") + name for name, negated, _sub in config]
    if detail and parts[0] not in ("*", "_"):
        parts = ["_", *listing_defaults, *parts]
    if parts[0] == "_":
        parts = ["_", *ALWAYS_SENT, *parts[1:]]
    return ",".join(parts), nested


def _sub_names(name, sub):
    names = []
    for sub_name, negated, deeper in sub:
        if negated or deeper or sub_name in ("*", "_"):
            raise BadRequestError(f"fields: {name}(...) takes names only, e.g. {name}(a,b)")
        names.append(sub_name)
    return names


def resolve_nested(serializer, model, nested):
    """``{name: (kind, names)}`` of the nested selections; a 400 for one the serializer cannot honour.

    ``kind`` is ``"blocks"`` (a StreamField's block types) or ``"keys"`` (an object's keys).
    """
    resolved = {}
    fields = serializer.fields
    for name, names in nested.items():
        kind, allowed = selectable(fields.get(name), model)
        if kind is None:
            raise BadRequestError(f"fields: '{name}' does not support nested fields")
        unknown = sorted(set(names) - set(allowed))
        if unknown:
            raise BadRequestError(
                f"fields: {name} has no {', '.join(unknown)} (choose from {', '.join(sorted(allowed))})"
            )
        resolved[name] = (kind, frozenset(names))
    return resolved


def selectable(field, model):
    """``(kind, names)`` that can be picked inside ``field``, or ``(None, None)``."""
    if isinstance(field, v2.StreamField):
        return "blocks", list(model._meta.get_field(field.source).stream_block.child_blocks)
    shape = getattr(field, "shape", None)
    if shape is not None:
        return "keys", list(shape().fields)
    child = getattr(field, "child", None)
    if child is not None and hasattr(child, "fields"):
        return "keys", list(child.fields)
    return None, None


def apply_nested(data, resolved):
    """Narrow a serialized page ``data`` to the nested selections, in place; returns it."""
    for name, (kind, names) in resolved.items():
        value = data.get(name)
        if value is None:
            continue
        if kind == "blocks":
            data[name] = [block for block in value if block["type"] in names]
        elif isinstance(value, list):
            data[name] = [_pick(item, names) for item in value]
        else:
            data[name] = _pick(value, names)
    return data


def _pick(item, names):
    return {key: value for key, value in item.items() if key in names} if isinstance(item, dict) else item
