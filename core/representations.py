"""Shapes of Wagtail objects any app shows: an image with its renditions, a link to a page.

Each shape is a read-only DRF serializer, written once: API fields, blocks and views
serialize with it, and the OpenAPI document derives its schema from it (``api.openapi``),
named the DRF way (``ImageSerializer`` is the component ``Image``). Every field of a shape
is always present; a field that may be ``null`` says so with ``allow_null``.
"""

import functools

from django.db.models import Prefetch, prefetch_related_objects
from rest_framework import serializers
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


class Shape:
    """A serializer of a shared JSON shape: ``represent(obj)`` writes ``obj`` in it, anywhere."""

    @classmethod
    def represent(cls, instance):
        """``instance`` in this shape; ``None`` (nothing chosen) stays ``None``."""
        if instance is None:
            return None
        return _shared_serializer(cls).to_representation(instance)


@functools.cache
def _shared_serializer(serializer_class):
    # A shape needs no request or context: one instance per class serves every caller, so
    # its fields are built once per process rather than once per object.
    return serializer_class()


class ShapeSerializer(Shape, serializers.Serializer):
    """A shape whose fields are declared one by one."""


class NullWhenBlank:
    """A text field mixin: an optional text left empty is written ``null``, never ``""`` (issue 15).

    ``null_when_blank`` defaults to the field's ``allow_blank``; the field then allows null, so its
    schema says ``["string", "null"]``.
    """

    def __init__(self, *args, null_when_blank=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.null_when_blank = self.allow_blank if null_when_blank is None else null_when_blank
        if self.null_when_blank:
            self.allow_null = True

    def to_representation(self, value):
        return None if value == "" and self.null_when_blank else super().to_representation(value)


class BlankAsNullCharField(NullWhenBlank, serializers.CharField):
    """A ``CharField`` that writes an empty optional text as ``null``."""


@functools.cache
def _null_when_blank(field_class):
    return type(f"{field_class.__name__}NullWhenBlank", (NullWhenBlank, field_class), {})


class ModelShapeSerializer(Shape, serializers.ModelSerializer):
    """A shape of a model's fields: types, lengths and help texts come from the model.

    An optional text field (``blank=True``) left empty is written ``null``.
    """

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if getattr(model_field, "blank", False) and issubclass(field_class, serializers.CharField):
            field_class, kwargs = _null_when_blank(field_class), {**kwargs, "null_when_blank": True}
        return field_class, kwargs

    def get_extra_kwargs(self):
        # Shapes are written, never read: every field is read-only (and DRF then leaves out
        # the model's input validators, which say nothing about the output).
        extra_kwargs = super().get_extra_kwargs()
        for name in self.Meta.fields:
            extra_kwargs[name] = {**extra_kwargs.get(name, {}), "read_only": True}
        return extra_kwargs


class ShapeField(serializers.Field):
    """A read-only API field whose value is written in the shape ``shape`` (a serializer class)."""

    shape = None

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return self.shape.represent(value)


class RenditionSerializer(ShapeSerializer):
    """A resized copy of an image."""

    url = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class RenditionsSerializer(serializers.Serializer):
    """An image's renditions, one field per size in ``RENDITIONS``."""

    def get_fields(self):
        return {name: RenditionSerializer() for name in RENDITIONS}

    def to_representation(self, image):
        renditions = image.get_renditions(*RENDITIONS.values())
        return super().to_representation({name: renditions[spec] for name, spec in RENDITIONS.items()})


class ImageSerializer(ShapeSerializer):
    """A chosen image, expanded."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    alt = serializers.CharField(source="default_alt_text", help_text="Alt text for the image.")
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    renditions = RenditionsSerializer(
        source="*",
        help_text="Ready-to-use sizes: " + ", ".join(f"{name} ({spec})" for name, spec in RENDITIONS.items()),
    )


class PageTypeField(serializers.CharField):
    """A page's type as ``app_label.ModelName``; ``null`` if its model is gone."""

    def get_attribute(self, page):
        model = page.specific_class
        return model._meta.label if model else None


class PageLinkSerializer(ShapeSerializer):
    """A chosen page: enough to link to it."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    url_path = serializers.CharField(source="get_url", allow_null=True, help_text="The page's URL on its site.")
    type = PageTypeField(allow_null=True, help_text="app_label.ModelName")
