"""Shapes of Wagtail objects any app shows: an image with its sizes, a link to a page.

Each shape is a read-only DRF serializer, written once: API fields, blocks and views
serialize with it, and the OpenAPI document derives its schema from it (``api.openapi``),
named the DRF way (``ImageSerializer`` is the component ``Image``). Every field of a shape
is always present; a field that may be ``null`` says so with ``allow_null``.
"""

import copy
import functools

from rest_framework import serializers

from .renditions import ASPECT_RATIOS, FORMAT_NAMES, WIDTHS, srcset
from .renditions import prefetch_renditions as prefetch_renditions  # callers prefetch what shapes show
from .visibility import public_or_none


class Shape:
    """A serializer of a shared JSON shape: ``represent(obj)`` writes ``obj`` in it, anywhere."""

    @classmethod
    def represent(cls, instance):
        """``instance`` in this shape; ``None`` (nothing chosen) stays ``None``.

        So does a page, image or document the public may not see (``visibility.py``): a page
        shows nothing of a private or unpublished page or of an image in a private collection.
        """
        instance = public_or_none(instance)
        if instance is None:
            return None
        return _shared_serializer(cls).to_representation(instance)

    def get_attribute(self, instance):
        # Nested in another serializer (a practitioner's photo), DRF reads the attribute here
        # and never calls ``represent``: the same rule, so nesting cannot show what it hides.
        return public_or_none(super().get_attribute(instance))


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


class BlankAsNullURLField(NullWhenBlank, serializers.URLField):
    """A ``URLField`` that writes an empty optional address as ``null``."""


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
    """One size of an image: a ``srcset`` candidate."""

    url = serializers.CharField(help_text="Absolute URL of the file.")
    width = serializers.IntegerField(help_text="Pixels; the srcset `w` descriptor.")
    height = serializers.IntegerField()
    format = serializers.ChoiceField(
        choices=FORMAT_NAMES, help_text="The file's format; its MIME type is image/<format>."
    )
    aspect_ratio = serializers.ChoiceField(
        choices=list(ASPECT_RATIOS),
        help_text="'original' keeps the image's proportions; the others are cropped around the focal point.",
    )


class SrcsetSerializer(serializers.ListSerializer):
    """Every size of an image (``core.renditions``): its widths x aspect ratios x formats."""

    def get_attribute(self, image):
        return srcset(image)

    def to_representation(self, data):
        # core.renditions writes each entry in RenditionSerializer's shape already (a test holds
        # them to it): no per-entry serializer pass over dozens of sizes per image.
        return data


class FocalPointSerializer(ShapeSerializer):
    """The part of the image the editor marked to keep in every crop, in pixels of the original."""

    x = serializers.IntegerField(source="focal_point_x", help_text="Centre of the area, from the left edge.")
    y = serializers.IntegerField(source="focal_point_y", help_text="Centre of the area, from the top edge.")
    width = serializers.IntegerField(source="focal_point_width")
    height = serializers.IntegerField(source="focal_point_height")

    def get_attribute(self, instance):
        image = super().get_attribute(instance)
        return image if image.has_focal_point() else None


class ImageSerializer(ShapeSerializer):
    """A chosen image, expanded: its text alternative, size, focal point and every size it comes in."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    alt = serializers.CharField(source="default_alt_text", help_text="Alt text for the image.")
    width = serializers.IntegerField(help_text="The original's width in pixels.")
    height = serializers.IntegerField(help_text="The original's height in pixels.")
    # null when the editor set none: crops then keep the centre.
    focal_point = FocalPointSerializer(source="*", allow_null=True)
    srcset = SrcsetSerializer(
        child=RenditionSerializer(),
        source="*",
        help_text=(
            f"Widths {', '.join(map(str, WIDTHS))} (never enlarged), aspect ratios {', '.join(ASPECT_RATIOS)}, "
            "formats AVIF (where the server writes it), WebP and the original's; "
            "ordered by aspect ratio, then format, then width."
        ),
    )

    @classmethod
    def field(cls, name):
        """A fresh copy of one of this shape's fields, for a serializer built elsewhere (``/api/v2/images/``)."""
        return copy.deepcopy(_shared_serializer(cls).fields[name])


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
