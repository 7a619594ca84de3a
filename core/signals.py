"""Which content changes invalidate cached API responses (see ``caching.py``)."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from .caching import bump_content_version

UID = "cms-api-cache"


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_version()


def watched_models():
    """Models whose saves and deletes can change what the API sends."""
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.snippets.models import get_snippet_models

    return {
        get_image_model(),
        get_document_model(),
        Site,
        Collection,
        CollectionViewRestriction,
        PageViewRestriction,  # a page made private must leave the API at once
        *get_snippet_models(),
        *settings_registry,
    }


def connect_cache_invalidation():
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(bump_content_version, dispatch_uid=f"{UID}-{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid=f"{UID}-page-delete")
    for model in watched_models():
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{UID}-save-{model._meta.label}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{UID}-delete-{model._meta.label}")
