"""``content_changed``: the one signal for "what visitors, the API or front ends see has changed".

Subscribers: the response caches (``core/apps.py``), the webhook outbox (``webhooks``) and the
error page's cached clinic contact (``seo``). It is sent inside the change's transaction where
Wagtail allows (see below), with these arguments:

- ``event``: ``"<kind>.<action>"``, e.g. ``"page.published"``, ``"page.moved"``, ``"snippet.saved"``;
- ``kind``: ``page``, ``snippet``, ``setting``, ``image``, ``document``, ``site``, ``collection``
  or ``privacy`` (a page or collection view restriction);
- ``instance``: the changed object;
- ``old_url_path``: the page's ``url_path`` before a ``page.moved``, else None;
- ``raw``: True while fixtures load (``loaddata``): the rows changed, the instance may be partial.

The one list of changes that raise it:

============================================  ==============================================
Wagtail or Django signal                      event
============================================  ==============================================
``page_published`` / ``page_unpublished``    ``page.published`` / ``page.unpublished``
``pre_page_move``, then the page's save       ``page.moved``: sent at that save, inside
inside the move's transaction                 Wagtail's move transaction (``post_page_move``
                                              comes after the commit, and only if no save did)
``page_slug_changed`` (after the commit)      ``page.moved``
``pre_delete`` of a page's base row           ``page.deleted``: once per page, before the rows
                                              go (the page can still be read)
``post_save`` / ``pre_delete`` of a model     ``<kind>.saved`` / ``<kind>.deleted``
that ``kind_of`` names
``published`` / ``unpublished`` of any        ``<kind>.published`` / ``<kind>.unpublished``
object but a page (a page sends both kinds)
what a page shows changed without a publish   ``page.changed`` (e.g. its product's safety
                                              information: ``treatments.safety``)
============================================  ==============================================

Drafts are included: a draft page moved or deleted raises ``page.moved`` or ``page.deleted``, and
subscribers that must not speak of drafts check ``instance.live``.
"""

from functools import cache

from asgiref.local import Local
from django.db.models.signals import post_save, pre_delete
from django.dispatch import Signal
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)
from wagtail.snippets.models import get_snippet_models

content_changed = Signal()

UID = "core-content-changed"

# Moves in progress on this thread: page id -> url_path before the move.
_moves = Local()


def kind_of(model):
    """The kind of content ``model`` holds, or None when its changes show nowhere."""
    if issubclass(model, Page):
        return "page"
    if issubclass(model, BaseSiteSetting | BaseGenericSetting) or model in settings_registry:
        return "setting"
    if model in get_snippet_models():  # read at each change: snippets may register late (wagtail_hooks)
        return "snippet"
    return next((kind for base, kind in _media_and_structure() if issubclass(model, base)), None)


@cache
def _media_and_structure():
    return (
        (get_image_model(), "image"),
        (get_document_model(), "document"),
        (Site, "site"),
        (Collection, "collection"),
        (PageViewRestriction, "privacy"),  # a page made private must leave the API at once
        (CollectionViewRestriction, "privacy"),
    )


def send(event, instance, sender=None, old_url_path=None, raw=False):
    """Tell every subscriber that ``instance`` changed (``event`` as in the module docstring)."""
    content_changed.send(
        sender=sender or type(instance),
        event=event,
        kind=event.partition(".")[0],
        instance=instance,
        old_url_path=old_url_path,
        raw=raw,
    )


def _pending_moves():
    if not hasattr(_moves, "paths"):
        _moves.paths = {}
    return _moves.paths


def _page_published(sender, instance, **kwargs):
    send("page.published", instance, sender)


def _page_unpublished(sender, instance, **kwargs):
    send("page.unpublished", instance, sender)


def _pre_page_move(sender, instance, url_path_before, **kwargs):
    _pending_moves()[instance.pk] = url_path_before


def _post_page_move(sender, instance, url_path_before, **kwargs):
    # Only reached with a pending move if the move saved nothing (Wagtail always saves).
    if _pending_moves().pop(instance.pk, None) is not None:
        send("page.moved", instance, sender, old_url_path=url_path_before)


def _page_slug_changed(sender, instance, instance_before, **kwargs):
    send("page.moved", instance, sender, old_url_path=instance_before.url_path)


def _saved(sender, instance, raw=False, **kwargs):
    kind = kind_of(sender)
    if kind == "page":
        # Wagtail moves a page inside its own transaction and saves it there, but only signals
        # the move after that commits: announcing it at this save keeps it in the transaction.
        old_url_path = _pending_moves().pop(instance.pk, None)
        if old_url_path is not None:
            send("page.moved", instance, sender, old_url_path=old_url_path, raw=raw)
    elif kind is not None:
        send(f"{kind}.saved", instance, sender, raw=raw)


def _deleting(sender, instance, **kwargs):
    # Before the rows go, while the reference index still knows which pages show the object.
    kind = kind_of(sender)
    if kind == "page":
        # Deleting a page signals once per model of its class (Page, then TreatmentPage):
        # only the base row counts.
        if sender is Page:
            send("page.deleted", instance, sender)
    elif kind is not None:
        send(f"{kind}.deleted", instance, sender)


def _object_published(sender, instance, **kwargs):
    kind = kind_of(sender)
    if kind != "page":
        send(f"{kind or 'object'}.published", instance, sender)


def _object_unpublished(sender, instance, **kwargs):
    kind = kind_of(sender)
    if kind != "page":
        send(f"{kind or 'object'}.unpublished", instance, sender)


SOURCES = (
    (page_published, _page_published),
    (page_unpublished, _page_unpublished),
    (pre_page_move, _pre_page_move),
    (post_page_move, _post_page_move),
    (page_slug_changed, _page_slug_changed),
    (post_save, _saved),
    (pre_delete, _deleting),
    (published, _object_published),
    (unpublished, _object_unpublished),
)


def connect_sources():
    """Raise ``content_changed`` from the signals in ``SOURCES`` (called from ``CoreConfig.ready``)."""
    for signal, handler in SOURCES:
        signal.connect(handler, dispatch_uid=f"{UID}-{handler.__name__}")
