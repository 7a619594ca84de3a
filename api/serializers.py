"""Serializers of the public pages API: Wagtail's, with linked pages (parent, alias) kept small."""

import functools
import threading

from django.utils.functional import cached_property
from wagtail.api.v2.serializers import PageAliasOfField, PageParentField, PageSerializer, get_serializer_class


class FieldsMappedOnce:
    """A read-only serializer whose fields are built once per class and thread, not per instance.

    DRF maps the model and deep-copies every field for each serializer instance, though the
    fields depend only on the class. Each thread keeps the fields of its first instance of a
    class and lends them to every later one, pointed at it as their parent (where DRF fields
    find the context). So a thread serializes with one instance of a class at a time: never
    nest a class in itself.
    """

    @cached_property
    def fields(self):
        built = _fields_built.__dict__.setdefault("by_class", {})
        cls = type(self)
        fields = built.get(cls)
        if fields is None:
            if len(built) > 512:  # a class per field selection: bounded by the serializer cache anyway
                built.clear()
            fields = built[cls] = super().fields
        else:
            for field in fields.values():
                field.parent = self
        return fields


_fields_built = threading.local()


# What LinkedPageSerializer reads from a page: nothing else needs loading.
LINKED_PAGE_COLUMNS = ("id", "title", "content_type", "url_path", "path", "depth", "locale")


class LinkedPageSerializer(FieldsMappedOnce, PageSerializer):
    """A page another page points at (``meta.parent``, ``meta.alias_of``): id, type, URLs, title."""


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
    """``meta.parent``: the parent the view already fetched from the public pages, if it did."""

    def get_attribute(self, instance):
        if hasattr(instance, "_api_public_parent"):
            return instance._api_public_parent
        return super().get_attribute(instance)


class PublicAliasOfField(LinkedPageRepresentation, PageAliasOfField):
    """``meta.alias_of``: the page this one mirrors."""


class PublicPageSerializer(FieldsMappedOnce, PageSerializer):
    """Wagtail's page serializer, reading the parent fetched with the page."""

    parent = PublicParentField(read_only=True)
    alias_of = PublicAliasOfField(read_only=True)
