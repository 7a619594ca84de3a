"""Request-scoped bulk loading of what API responses reference: constant queries per response.

Inside ``prefetch_scope()`` the objects that StreamField blocks point at (chosen images,
pages, snippets, and pages linked from rich text) are fetched once for every page being
serialized, one query per model, before serialization starts. Choosers and the rich-text
page-link handler (registered in ``wagtail_hooks.py`` through Wagtail's own rich-text
feature registry) look there first and fall back to Wagtail's own loading outside a scope.
"""

import contextvars
import copy
import functools
from collections import defaultdict
from contextlib import contextmanager

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import extract_references_from_rich_text

from .representations import prefetch_renditions
from .streamfield import walk

_scope = contextvars.ContextVar("cms_prefetch_scope", default=None)


@contextmanager
def prefetch_scope():
    """Objects fetched inside are shared by everything serialized inside."""
    token = _scope.set({})
    try:
        yield
    finally:
        _scope.reset(token)


def scoped(model):
    """The scope's ``{str(id): object}`` of ``model``, or None outside a scope."""
    scope = _scope.get()
    if scope is None:
        return None
    return scope.setdefault(model, {})


def objects_for(model, values):
    """Objects for chooser ``values`` (ids) from the scope, or None when any is missing."""
    found = scoped(model)
    if found is None:
        return None
    keys = [str(value) for value in values if value is not None]
    if any(key not in found for key in keys):
        return None
    seen, result = set(), []
    for value in values:
        obj = found.get(str(value)) if value is not None else None
        if obj is not None and value in seen:
            obj = copy.copy(obj)  # as Wagtail's bulk_to_python: one instance per occurrence
        seen.add(value)
        result.append(obj)
    return result


# Leaves whose values point at other objects: chosen objects, and pages linked from rich text.
REFERENCING_BLOCKS = (blocks.ChooserBlock, blocks.RichTextBlock)


def _collect_references(block, raw, found):
    """Collect ``{model: ids}`` referenced by a raw (JSON) block value."""
    # Most of a page is text: the walk skips, unread, every part whose definition holds no reference.
    for leaf, value, _path in walk(block, raw, leaves=REFERENCING_BLOCKS):
        if value is None:
            continue
        if isinstance(leaf, blocks.RichTextBlock):
            for model, object_id, _field, _content_path in extract_references_from_rich_text(value):
                found[model].add(str(object_id))
        else:
            found[leaf.model_class].add(str(value))


def remember_loaded(instances):
    """Objects the page query already joined (e.g. the reviewing practitioner) count as fetched."""
    scope = _scope.get()
    if scope is None:
        return
    for instance in instances:
        for field in _foreign_keys(type(instance)):
            if field.is_cached(instance):
                related = field.get_cached_value(instance)
                if related is not None:
                    scope.setdefault(type(related), {}).setdefault(str(related.pk), related)


def prefetch_streams(instances, field_names):
    """Fetch, for all ``instances`` at once, what their StreamFields ``field_names`` reference."""
    scope = _scope.get()
    if scope is None:
        return
    found = defaultdict(set)
    for instance in instances:
        for name in field_names:
            field = model_field(type(instance), name)
            if isinstance(field, StreamField):
                value = getattr(instance, name)
                _collect_references(field.stream_block, list(value.raw_data), found)
    image_model = get_image_model()
    for model, ids in found.items():
        store = scope.setdefault(model, {})
        ids = [i for i in ids if i not in store and i.isdigit()]
        if not ids:
            continue
        if model is Page:
            # Rich-text links: the specific pages, as Wagtail's PageLinkHandler loads them.
            fetched = Page.objects.filter(id__in=ids).defer_streamfields().specific()
        else:
            image_fields = _image_foreign_keys(model)
            fetched = model._default_manager.filter(pk__in=ids).select_related(*image_fields)
        objects = list(fetched)
        if issubclass(model, image_model):
            prefetch_renditions(objects)
        elif model is not Page and image_fields:
            # e.g. a chosen practitioner's photo
            prefetch_renditions([img for obj in objects for f in image_fields if (img := getattr(obj, f))])
        store.update({str(obj.pk): obj for obj in objects})
        store.update({i: None for i in ids if i not in store})  # deleted: known to be missing


@functools.cache
def _image_foreign_keys(model):
    """Names of ``model``'s foreign keys to images (e.g. a practitioner's ``photo``)."""
    image_model = get_image_model()
    return tuple(field.name for field in _foreign_keys(model) if issubclass(field.related_model, image_model))


@functools.cache
def _foreign_keys(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, models.ForeignKey)]


def joined_fields(model, field_names):
    """The foreign keys ``field_names`` show, for ``select_related``, with the images on them."""
    return _joined_fields(model, tuple(field_names))


@functools.cache
def _joined_fields(model, field_names):
    return tuple(
        "__".join(path) for name in field_names if _is_foreign_key(model, name) for path in _shown_paths(model, name)
    )


def _shown_paths(model, name):
    """The foreign key ``name`` and, one level further, the images on what it points at."""
    related = model._meta.get_field(name).related_model
    return [(name,)] + [(name, image) for image in _image_foreign_keys(related)]


def _is_foreign_key(model, name):
    return isinstance(model_field(model, name), models.ForeignKey)


def optimize_queryset(queryset, field_names):
    """Join the foreign keys and prefetch the child relations that ``field_names`` show."""
    model = queryset.model
    joins = joined_fields(model, field_names)
    prefetches = [
        name for name in field_names if (field := model_field(model, name)) and field.one_to_many and not field.concrete
    ]
    prefetches += declared_prefetches(model, field_names)
    if joins:
        queryset = queryset.select_related(*joins)
    if prefetches:
        queryset = queryset.prefetch_related(*prefetches)
    return queryset


def declared_prefetches(model, field_names):
    """What a model says its computed API fields read (``api_prefetch_related(field_names)``), if it says."""
    declared = getattr(model, "api_prefetch_related", None)
    return list(declared(field_names)) if declared is not None else []


def model_field(model, name):
    """``model``'s field ``name``, or None when it has none of that name."""
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def prefetch_related_images(instances, field_names):
    """Renditions of the images page fields show (directly or on a related object), in one query."""
    images = []
    for instance in instances:
        for path in _image_paths(type(instance), tuple(field_names)):
            image = instance
            for name in path:
                image = getattr(image, name) if image is not None else None
            if image is not None:
                images.append(image)
    prefetch_renditions(images)


@functools.cache
def _image_paths(model, field_names):
    """Attribute paths from ``model`` to the images ``field_names`` show, e.g. ``("reviewed_by", "photo")``."""
    image_model = get_image_model()
    return tuple(
        path
        for name in field_names
        if _is_foreign_key(model, name)
        for path in _shown_paths(model, name)
        # A path ends at an image: the field itself, or an image on the object it points at.
        if len(path) == 2 or issubclass(model._meta.get_field(name).related_model, image_model)
    )
