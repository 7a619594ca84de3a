"""Content changes that front ends must hear about, turned into outbox rows.

Pages: publish, unpublish, move (and slug change), delete. Drafts stay private: moves and
deletions of pages that are not live send nothing. Snippets and site settings: save and delete.
"""

from asgiref.local import Local
from django.db.models.signals import post_save, pre_delete
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, pre_page_move
from wagtail.snippets.models import get_snippet_models

from . import events

# Moves in progress on this thread: page id -> url_path before the move.
_moves = Local()


def _pending_moves():
    if not hasattr(_moves, "paths"):
        _moves.paths = {}
    return _moves.paths


def on_page_published(sender, instance, **kwargs):
    events.record("page.published", events.page_payload(instance))


def on_page_unpublished(sender, instance, **kwargs):
    events.record("page.unpublished", events.page_payload(instance))


def on_pre_page_move(sender, instance, url_path_before, **kwargs):
    _pending_moves()[instance.pk] = url_path_before


def on_page_saved(sender, instance, raw=False, **kwargs):
    # Wagtail moves a page inside its own transaction and saves it there, but only signals
    # the move after that commits; recording at this save keeps the row in the move's transaction.
    if raw or not isinstance(instance, Page):
        return
    old_url_path = _pending_moves().pop(instance.pk, None)
    if old_url_path is not None and instance.live:
        events.record("page.moved", events.page_payload(instance, old_url_path=old_url_path))


def on_post_page_move(sender, instance, url_path_before, **kwargs):
    # Only reached if the move saved nothing (Wagtail always saves, so this is a safety net).
    if _pending_moves().pop(instance.pk, None) is not None and instance.live:
        events.record("page.moved", events.page_payload(instance, old_url_path=url_path_before))


def on_page_slug_changed(sender, instance, instance_before, **kwargs):
    # Wagtail sends this after the commit of a publish that changed the slug.
    if instance.live:
        events.record("page.moved", events.page_payload(instance, old_url_path=instance_before.url_path))


def on_pre_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        # Deleting a subtree signals once per model of each page (Page, then TreatmentPage):
        # only the base Page row counts. Wagtail's own pre_delete handler unpublishes in memory,
        # so whether the page was live is read from the database.
        if sender is Page and Page.objects.filter(pk=instance.pk, live=True).exists():
            events.record("page.deleted", events.page_payload(instance))


def _is_shown_object(instance):
    return isinstance(instance, BaseSiteSetting | BaseGenericSetting) or type(instance) in get_snippet_models()


def on_object_saved(sender, instance, raw=False, **kwargs):
    if raw or not _is_shown_object(instance):
        return
    kind = "setting" if isinstance(instance, BaseSiteSetting | BaseGenericSetting) else "snippet"
    events.record(f"{kind}.saved", events.object_payload(instance))


def on_object_deleted(sender, instance, **kwargs):
    if not _is_shown_object(instance):
        return
    kind = "setting" if isinstance(instance, BaseSiteSetting | BaseGenericSetting) else "snippet"
    events.record(f"{kind}.deleted", events.object_payload(instance))


def connect():
    """Connect the handlers (called from ``WebhooksConfig.ready``)."""
    uid = "webhooks"
    page_published.connect(on_page_published, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid=f"{uid}-unpublished")
    pre_page_move.connect(on_pre_page_move, dispatch_uid=f"{uid}-pre-move")
    post_page_move.connect(on_post_page_move, dispatch_uid=f"{uid}-post-move")
    page_slug_changed.connect(on_page_slug_changed, dispatch_uid=f"{uid}-slug")
    post_save.connect(on_page_saved, dispatch_uid=f"{uid}-page-saved")
    pre_delete.connect(on_pre_delete, dispatch_uid=f"{uid}-page-deleted")
    post_save.connect(on_object_saved, dispatch_uid=f"{uid}-object-saved")
    # Before the delete, while the reference index still knows which pages show the object.
    pre_delete.connect(on_object_deleted, dispatch_uid=f"{uid}-object-deleted")
