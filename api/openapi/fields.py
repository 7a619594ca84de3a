"""JSON Schema of API v2 objects, derived from the serializers the endpoints really use.

Every endpoint builds its serializer from ``api_fields`` (pages) or its viewset's field
lists (images, documents). We ask the viewset for that same serializer with every field
switched on and map each serializer field to a schema: Wagtail's own fields by class,
project fields through their ``openapi_schema(schemas)`` method, plain DRF fields through DRF's
``AutoSchema.map_field`` (max lengths, bounds, choices, formats come from the model).

Shared shapes (``core.representations``: image, page link; ``clinic.api``: practitioner,
clinic) become named components, their schemas derived from their serializers the same
way: every field is always present, and nothing else is.
"""

import inspect

from django.core.exceptions import FieldDoesNotExist
from rest_framework import serializers
from rest_framework.schemas.openapi import AutoSchema
from wagtail.api.v2 import serializers as v2
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField
from wagtail.images.api.v2.serializers import ImageDownloadUrlField

from core.representations import Shape, ShapeField

from .blocks import nullable

STRING = {"type": "string"}
URL = {"type": "string", "format": "uri"}


def object_schema(viewset, router, model, blocks, required=()):
    """The schema of ``model`` as ``viewset`` serializes it with ``fields=*``."""
    serializer_class = viewset.serializer_class_for(router, model, fields="*")
    return serializer_schema(serializer_class(), model, blocks, required=required)


def serializer_schema(serializer, model, blocks, required=()):
    """Map a Wagtail API serializer: meta fields go under ``meta``, the rest at the top."""
    meta_names = set(getattr(serializer, "meta_fields", ()))
    properties, meta = {}, {}
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        schema = field_schema(field, model, blocks)
        (meta if name in meta_names else properties)[name] = schema
    if meta:
        properties = {
            "id": properties.pop("id", {"type": "integer"}),
            "meta": {"type": "object", "properties": meta, "additionalProperties": False},
            **properties,
        }
    schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = [name for name in required if name in properties]
    return schema


def field_schema(field, model, blocks):
    """The schema of one serializer field's output."""
    if isinstance(field, ShapeField):
        return shape_reference(field.shape(), blocks, field.allow_null)
    if hasattr(field, "openapi_schema"):
        # ``blocks`` is the document's component registry: a field may register named parts.
        if inspect.signature(field.openapi_schema).parameters:
            return field.openapi_schema(blocks)
        return field.openapi_schema()
    if isinstance(field, v2.StreamField):
        stream_block = model._meta.get_field(field.source).stream_block
        return blocks.stream_schema(stream_block)
    if isinstance(field, v2.RichTextFieldSerializer):
        return {"type": "string", "contentMediaType": "text/html"}
    if isinstance(field, v2.TypeField | v2.PageTypeField):
        return {"type": "string", "description": "app_label.ModelName"}
    if isinstance(field, v2.DetailUrlField):
        return URL
    if isinstance(field, v2.PageHtmlUrlField):
        return nullable(URL)
    if isinstance(field, v2.PageLocaleField):
        return STRING
    if isinstance(field, v2.PageParentField | v2.PageAliasOfField):
        return nullable(blocks.component("PageSummary", _page_summary))
    if isinstance(field, v2.TagsField):
        return {"type": "array", "items": STRING}
    if isinstance(field, ImageDownloadUrlField | DocumentDownloadUrlField):
        return URL  # absolute: documents by Wagtail, images by api.media
    if isinstance(field, v2.ChildRelationField):
        child = field.serializer_class()
        child_model = child.Meta.model
        return {"type": "array", "items": serializer_schema(child, child_model, blocks)}
    if isinstance(field, v2.RelatedField):
        return nullable(blocks.component("RelatedObject", _related_object))
    if isinstance(field, serializers.BaseSerializer):
        # A shape's own field serving an endpoint (/api/v2/images/ items are Image shapes).
        return shape_field_schema(field, model, blocks)
    return drf_field_schema(field)


# DRF base classes that promise nothing about their output's type.
UNTYPED_FIELDS = (serializers.Field, serializers.ReadOnlyField, serializers.SerializerMethodField)


def shape_reference(serializer, blocks, allow_null=False):
    """A reference to the component of a shape, named the DRF way (``ImageSerializer``: ``Image``)."""
    name = AutoSchema().get_component_name(serializer)
    reference = blocks.component(name, lambda: shape_schema(serializer, blocks))
    return nullable(reference) if allow_null else reference


def shape_schema(serializer, blocks):
    """An object with every field of ``serializer``, always present, and nothing else."""
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    properties = {
        name: shape_field_schema(field, model, blocks)
        for name, field in serializer.fields.items()
        if not field.write_only
    }
    schema = {"type": "object"}
    description = serializer.help_text or (type(serializer).__doc__ or "").strip().split("\n")[0]
    if description:
        schema["description"] = str(description)
    return {**schema, "properties": properties, "required": list(properties), "additionalProperties": False}


def shape_field_schema(field, model, blocks):
    """One field of a shape: another shape is referenced, a nested serializer written out."""
    if isinstance(field, Shape):
        return shape_reference(field, blocks, field.allow_null)
    if isinstance(field, ShapeField):
        return shape_reference(field.shape(), blocks, field.allow_null)
    if isinstance(field, serializers.Serializer):
        schema = shape_schema(field, blocks)
        return nullable(schema) if field.allow_null else schema
    if isinstance(field, serializers.ListSerializer):
        # e.g. an image's srcset: a list of another shape
        schema = {"type": "array", "items": shape_field_schema(field.child, None, blocks)}
        return {**schema, "description": str(field.help_text)} if field.help_text else schema
    if hasattr(field, "openapi_schema") and not inspect.signature(field.openapi_schema).parameters:
        return field.openapi_schema()  # e.g. a product's safety HTML: text/html, null when empty
    return drf_field_schema(field, _model_field(model, field.source))


def _model_field(model, name):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def drf_field_schema(field, model_field=None):
    """A plain DRF field, mapped by DRF's own OpenAPI inspector and lifted to OpenAPI 3.1.

    ``model_field``, the model field a shape's field reads, gives what a read-only DRF field
    no longer knows: its maximum length and, unless the field has its own, its help text.
    """
    drf_base = next(cls for cls in type(field).__mro__ if cls.__module__.startswith("rest_framework."))
    if drf_base in UNTYPED_FIELDS:
        # A custom field without ``openapi_schema()``: any JSON, rather than a false promise.
        description = (field.help_text or type(field).__doc__ or "").strip().split("\n")[0]
        return {"description": description} if description else {}
    inspector = AutoSchema()
    if isinstance(field, serializers.ListSerializer | serializers.Serializer):
        schema = inspector.map_field(field)
    else:
        schema = inspector.map_field(field)
        inspector.map_field_validators(field, schema)
        if getattr(model_field, "max_length", None):
            schema.setdefault("maxLength", model_field.max_length)
        if field.allow_null:
            schema["nullable"] = True
        help_text = field.help_text or getattr(model_field, "help_text", "")
        if help_text:
            schema["description"] = str(help_text)
    return to_openapi_31(schema)


def to_openapi_31(schema):
    """DRF writes OpenAPI 3.0 (``nullable: true``); 3.1 says ``type: [..., "null"]``."""
    if isinstance(schema, list):
        return [to_openapi_31(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {key: to_openapi_31(value) for key, value in schema.items()}
    if isinstance(schema.get("pattern"), str):
        # Python's end-of-string anchor; ECMA-262 (JSON Schema's regex dialect) says "$".
        schema["pattern"] = schema["pattern"].replace("\\z", "$").replace("\\Z", "$")
    if schema.pop("nullable", False):
        if isinstance(schema.get("type"), str):
            schema["type"] = [schema["type"], "null"]
            if "enum" in schema:
                schema["enum"] = [*schema["enum"], None]
        else:
            schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def _nested_object(description, meta, required=("id",), **fields):
    """An object as Wagtail's API v2 nests it in another: its id, its meta, then ``fields``."""
    return {
        "type": "object",
        "description": description,
        "properties": {"id": {"type": "integer"}, "meta": {"type": "object", "properties": meta}, **fields},
        "required": list(required),
    }


def _page_summary():
    return _nested_object(
        "Another page, as Wagtail's API v2 nests it (parent, alias_of).",
        {"type": STRING, "detail_url": URL, "html_url": nullable(URL)},
        required=("id", "meta", "title"),
        title=STRING,
    )


def _related_object():
    return _nested_object("A related object, as Wagtail's API v2 nests it.", {"type": STRING, "detail_url": URL})
