"""Serializers of the public pages API: Wagtail's, with linked pages (parent, alias) kept small."""

import copy
import functools
import weakref

from django.db import models
from wagtail import fields as wagtail_fields
from wagtail.api.v2.serializers import (
    PageAliasOfField,
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    StreamField,
    get_serializer_class,
)

from core.hosts import frontend_url
from core.representations import BlankAsNullCharField
from core.streamfield import blanks_to_null
from core.timestamps import UTCDateTimeField

from .selection import apply_nested


class FieldsBuiltOnce:
    """A serializer whose fields are worked out once per class, then copied for each instance.

    DRF works out a model serializer's fields from the model for every instance, though they
    depend only on the class; it copies declared fields the same way (``copy.deepcopy``),
    so each instance still binds fields of its own.
    """

    def get_fields(self):
        cls = type(self)
        fields = _fields_by_class.get(cls)
        if fields is None:
            fields = _fields_by_class[cls] = super().get_fields()
        return copy.deepcopy(fields)


# Classes come and go with the viewsets' serializer class cache: forget the fields of dropped ones.
_fields_by_class = weakref.WeakKeyDictionary()


# What LinkedPageSerializer reads from a page: nothing else needs loading.
LINKED_PAGE_COLUMNS = ("id", "title", "content_type", "url_path", "path", "depth", "locale")


class PublicStreamField(StreamField):
    """A StreamField's API JSON with optional texts left empty written as ``null``, never ``""``."""

    def to_representation(self, value):
        return blanks_to_null(value.stream_block, super().to_representation(value))


# The API's conventions (issue 15): dates and times in UTC with "Z" (core.timestamps), an optional
# text left empty as null, StreamFields likewise.
UTC_FIELD_MAPPING = {
    **PageSerializer.serializer_field_mapping,
    models.DateTimeField: UTCDateTimeField,
    models.CharField: BlankAsNullCharField,
    models.TextField: BlankAsNullCharField,
    wagtail_fields.StreamField: PublicStreamField,
}


class PublicHtmlUrlField(PageHtmlUrlField):
    """``meta.html_url``: the page's public URL, on the front end's host when one serves the pages."""

    def to_representation(self, page):
        return frontend_url(super().to_representation(page))


class LinkedPageSerializer(FieldsBuiltOnce, PageSerializer):
    """A page another page points at (``meta.parent``, ``meta.alias_of``): id, type, URLs, title."""

    serializer_field_mapping = UTC_FIELD_MAPPING
    html_url = PublicHtmlUrlField(read_only=True)


@functools.lru_cache(maxsize=64)
def _linked_page_serializer_class(model):
    # Wagtail builds this class anew for every parent it serializes; build it once per model.
    return get_serializer_class(
        model,
        ["id", "type", "detail_url", "html_url", "title"],
        meta_fields=["type", "detail_url", "html_url"],
        base=LinkedPageSerializer,
    )


class LinkedPageRepresentation:
    """Serializes a linked page with a serializer class built once per model."""

    def to_representation(self, value):
        return _linked_page_serializer_class(type(value))(context=self.context).to_representation(value)


class PublicParentField(LinkedPageRepresentation, PageParentField):
    """``meta.parent``: the parent the view looked up with the page, if it did (``public_parents``)."""

    def get_attribute(self, instance):
        looked_up = self.context.get("public_parents") or {}
        if instance.pk in looked_up:
            return looked_up[instance.pk]
        return super().get_attribute(instance)


class PublicAliasOfField(LinkedPageRepresentation, PageAliasOfField):
    """``meta.alias_of``: the page this one mirrors."""


class PublicPageSerializer(FieldsBuiltOnce, PageSerializer):
    """Wagtail's page serializer, reading the parent fetched with the page."""

    serializer_field_mapping = UTC_FIELD_MAPPING
    html_url = PublicHtmlUrlField(read_only=True)
    parent = PublicParentField(read_only=True)
    alias_of = PublicAliasOfField(read_only=True)
    # ``?fields=reviewed_by(name),body(faq)``, resolved by api.selection when the class is built.
    nested_selection = {}

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        # DRF gives a field Django keeps out of forms (``editable=False``, e.g. a treatment page's
        # brand_name copied from its product) no ``allow_blank``: its emptiness is said here.
        if getattr(model_field, "blank", False) and issubclass(field_class, BlankAsNullCharField):
            kwargs["null_when_blank"] = True
        return field_class, kwargs

    def to_representation(self, instance):
        data = super().to_representation(instance)
        return apply_nested(data, self.nested_selection) if self.nested_selection else data
