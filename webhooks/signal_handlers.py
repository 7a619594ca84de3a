"""Content changes that front ends must hear about, turned into outbox rows.

Listens to ``core.signals.content_changed``, which is sent inside the change's transaction,
so each row is written (and rolled back) with the change. Pages: publish, unpublish, move
(and slug change), delete. Drafts stay private: moves and deletions of pages that are not
live send nothing. Snippets, images, documents and site settings: save and delete.

Nothing is read or built before an endpoint is known to be configured.
"""

from wagtail.models import Page

from core.signals import content_changed

from . import events

# The events front ends hear about; anything else content_changed reports is not theirs.
PAGE_EVENTS = {"page.published", "page.unpublished", "page.moved", "page.deleted"}
OBJECT_EVENTS = {
    f"{kind}.{action}" for kind in ("snippet", "setting", "image", "document") for action in ("saved", "deleted")
}


def _was_live(page, event):
    if event == "page.moved":
        return page.live
    if event == "page.deleted":
        # Wagtail's own pre_delete handler unpublishes the page in memory before this runs:
        # whether it was live is read from the database.
        return Page.objects.filter(pk=page.pk, live=True).exists()
    return True


def on_content_changed(sender, event, instance, kind=None, old_url_path=None, raw=False, **kwargs):
    """Record ``event`` in the outbox if front ends hear about it and someone listens."""
    if raw or (event not in PAGE_EVENTS and event not in OBJECT_EVENTS):
        return
    to = events.targets()
    if not to:
        return
    if event in PAGE_EVENTS:
        if _was_live(instance, event):
            events.record(event, events.page_payload(instance, old_url_path=old_url_path), to)
    else:
        events.record(event, events.object_payload(instance, kind), to)


def connect():
    """Subscribe to ``content_changed`` (called from ``WebhooksConfig.ready``)."""
    content_changed.connect(on_content_changed, dispatch_uid="webhooks")
