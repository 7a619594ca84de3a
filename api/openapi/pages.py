"""Page schemas of the OpenAPI document: one exact schema per page type, a union discriminated on
``meta.type``, and the query parameters that filter pages.

What is required follows what the API always sends (``api.selection``): ``id``, ``meta.type`` and
``title`` cannot be removed by ``?fields=``, every other field can, so it is optional. An object
field can be narrowed to some of its keys (``reviewed_by(name)``): such a field is its shape or
the shape's ``.selected`` variant, the same properties with none required.
"""

from django.db.models import CharField, TextField
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from .. import selection
from ..parameters import filter_schema
from .fields import object_schema

# Always present in a page, whatever ``?fields=`` says (see api.selection.ALWAYS_SENT).
REQUIRED = ["id", "meta", "title"]
REQUIRED_META = ["type"]


def served_page_models():
    """Every page type the pages endpoint can serve, Wagtail's plain ``Page`` included.

    A new install's welcome page (and any page created in code as a plain ``Page``) is a
    ``wagtailcore.Page``: it has its own branch, with its own ``meta.type``, never a catch-all.
    """
    return list(get_page_models())


def page_schema(viewset, router, model, blocks):
    """The exact schema of a page of ``model`` as the pages endpoint serves it."""
    schema = object_schema(viewset, router, model, blocks)
    properties = schema["properties"]
    fields = viewset.serializer_class_for(router, model, fields="*")().fields
    meta = properties["meta"]
    meta["properties"]["type"] = {"const": model._meta.label, "description": "The page type: the discriminator."}
    meta["required"] = REQUIRED_META
    for name, field_schema in list(properties.items()):
        if name in fields and selection.selectable(fields[name], model)[0] == "keys":
            properties[name] = selectable(field_schema, blocks)
    schema["required"] = REQUIRED
    schema["title"] = str(model._meta.verbose_name).capitalize()
    schema["description"] = (
        f"A {model._meta.verbose_name} (`meta.type` {model._meta.label}). The detail sends every field "
        "unless `fields` narrows it; `id`, `meta.type` and `title` are always sent."
    )
    return schema


def selectable(schema, blocks):
    """``schema`` of a page field, widened for a nested selection (``field(a,b)``) where one applies."""
    if "$ref" in schema:
        return {"anyOf": [schema, _selected_ref(schema, blocks)]}
    if "anyOf" in schema:
        variants = list(schema["anyOf"])
        refs = [variant for variant in variants if "$ref" in variant]
        for variant in refs:
            variants.insert(variants.index(variant) + 1, _selected_ref(variant, blocks))
        return {**schema, "anyOf": variants}
    items = schema.get("items")
    if schema.get("type") == "array" and isinstance(items, dict) and items.get("type") == "object":
        return {**schema, "items": {"anyOf": [items, _partial(items)]}}
    return schema


def _selected_ref(reference, blocks):
    name = reference["$ref"].rsplit("/", 1)[-1]
    return blocks.component(f"{name}.selected", lambda: _partial(blocks.components[name], name))


def _partial(schema, name=None):
    partial = {key: value for key, value in schema.items() if key not in ("required", "description", "title")}
    partial["description"] = f"Some keys of {'a ' + name if name else 'this object'}, as `field(key,...)` selects them."
    return partial


def page_union(components):
    """``oneOf`` the page types' components (registered by the caller under their labels)."""
    return {"oneOf": [{"$ref": f"#/components/schemas/{model._meta.label}"} for model in served_page_models()]}


def type_filters(viewset, known, query):
    """Filters on fields of one page type: valid with ``type=`` naming that type (else a 400)."""
    parameters = []
    for model in served_page_models():
        if model is Page:
            continue
        for name in viewset.get_available_fields(model, db_fields_only=True):
            field = model._meta.get_field(name)
            # Only a value stored on the page compares as a filter (not a StreamField or child rows).
            if name in known or not field.concrete or isinstance(field, StreamField):
                continue
            schema = filter_schema(model, name) or _text_filter(model, name)
            description = f"Only pages whose `{name}` equals this value; needs `type={model._meta.label}`."
            parameters.append(query(name, schema, description))
            known.add(name)
    return parameters


def _text_filter(model, name):
    field = model._meta.get_field(name)
    choices = [str(value) for value, _label in field.flatchoices] if getattr(field, "choices", None) else None
    if choices:
        return {"type": "string", "enum": choices}
    schema = {"type": "string"}
    if isinstance(field, CharField | TextField) and field.max_length:
        schema["maxLength"] = field.max_length
    return schema
