"""The database decides what is current: change stamps per cache tag, and the tags a response shows.

A change (``content_changed``, sent inside its transaction) calls ``bump(tags)``: the sequence
row ``*`` is incremented and every tag of the change gets the new number, in the change's own
transaction, so the stamps commit (or roll back) with the change itself. Nothing about freshness
lives only in a cache: a cache that loses or reverts writes costs speed, never correctness.

A request reads the sequence once, when it first needs it (``current_version``), before it reads
any content. Whatever it builds afterwards includes every change up to that number (changes take
the sequence row's lock in order, so all lower numbers have committed). A cached answer records
that number and its tags; it is served only while no tag carries a higher one (``newest``: one
indexed query).

While a request runs, every object it loads names its tag (``tag_for``, from Django's ``post_init``):
the page shown, its parent, chosen images and their renditions, documents, snippets, settings,
linked pages. Lookups answered from a cache add the tags they were built with (``add_tags``).
"""

import contextvars
from contextlib import contextmanager

from django.db import transaction
from django.db.models import F, Max
from django.db.models.signals import post_init
from django.utils import timezone
from wagtail.images.models import AbstractRendition

from .models import CacheStamp
from .signals import kind_of

SEQUENCE = "*"
# Tags of whole kinds: every response that depends on any of them names them.
PAGES = "pages"  # the set of pages a listing, a sitemap or an index page could show
# The set of objects of a kind a listing could show: any change of one of them changes it.
SET_TAGS = {"page": PAGES, "image": "images", "document": "documents"}
SITE = "site"
PRIVACY = "privacy"
COLLECTION = "collection"
# What every answer depends on: which site serves it, what is private, which collection is whose.
EVERY_ANSWER = (SITE, PRIVACY, COLLECTION)

_version = contextvars.ContextVar("cms_request_content_version", default=None)
_collector = contextvars.ContextVar("cms_cache_tags", default=None)
_good_until = contextvars.ContextVar("cms_answer_good_until", default=None)


def current_version():
    """The sequence number this request reads content after (one query, once per request)."""
    version = _version.get()
    if version is None:
        found = CacheStamp.objects.filter(tag=SEQUENCE).values_list("version", flat=True)[:1]
        version = next(iter(found), 0)
        if _collector.get() is not None:  # inside a request: remember it for the rest of it
            _version.set(version)
    return version


def newest(tags):
    """``(highest version, latest change time)`` among ``tags`` (``(0, None)`` for none changed yet)."""
    found = CacheStamp.objects.filter(tag__in=list(tags)).aggregate(version=Max("version"), at=Max("changed_at"))
    return found["version"] or 0, found["at"]


def bump(tags):
    """Stamp ``tags`` as changed, inside the current transaction; returns the new sequence number."""
    tags = sorted(set(tags) - {SEQUENCE})
    now = timezone.now()
    with transaction.atomic():
        if not CacheStamp.objects.filter(tag=SEQUENCE).update(version=F("version") + 1, changed_at=now):
            CacheStamp.objects.create(tag=SEQUENCE, version=1, changed_at=now)
        version = CacheStamp.objects.values_list("version", flat=True).get(tag=SEQUENCE)
        CacheStamp.objects.bulk_create(
            [CacheStamp(tag=tag, version=version, changed_at=now) for tag in tags],
            update_conflicts=True,
            unique_fields=["tag"],
            update_fields=["version", "changed_at"],
        )
    if _version.get() is not None:
        _version.set(version)  # the rest of this request reads after its own change
    return version


class RequestStampsMiddleware:
    """Gives each request its own sequence number (read lazily) and its own set of shown tags."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        version_token = _version.set(None)
        tags_token = _collector.set(set(EVERY_ANSWER))
        until_token = _good_until.set(None)
        try:
            return self.get_response(request)
        finally:
            _good_until.reset(until_token)
            _collector.reset(tags_token)
            _version.reset(version_token)


def add_tags(tags):
    """Record that what is being built shows the objects ``tags`` name."""
    collected = _collector.get()
    if collected is not None:
        collected.update(tags)


def changes_at(moment):
    """Record that what is being built changes at ``moment`` by the clock alone, with no change
    to stamp (a patient's photo authorization reaching its expiry): no cached copy outlives it."""
    if _collector.get() is None:
        return
    earliest = _good_until.get()
    if earliest is None or moment < earliest:
        _good_until.set(moment)


def good_until():
    """The earliest moment recorded by ``changes_at`` in this request, or None."""
    return _good_until.get()


def shown_tags():
    """The tags recorded so far in this request (or ``collecting`` block)."""
    return set(_collector.get() or ())


@contextmanager
def collecting():
    """Collects the tags of what is built inside into a fresh set (yielded), also kept by the outer one."""
    outer = _collector.get()
    inner = set()
    token = _collector.set(inner)
    try:
        yield inner
    finally:
        _collector.reset(token)
        if outer is not None:
            outer.update(inner)


_kinds = {}


def _kind(model):
    if model not in _kinds:
        _kinds[model] = "rendition" if issubclass(model, AbstractRendition) else kind_of(model)
    return _kinds[model]


def tag_for(instance):
    """The cache tag of a model instance, or None when its changes show nowhere."""
    kind = _kind(type(instance))
    if kind is None or kind == "privacy":
        return None
    meta = instance._meta
    if kind in ("page", "image", "document"):
        return f"{kind}-{instance.pk}" if instance.pk is not None else None
    if kind == "rendition":
        return f"image-{instance.image_id}" if instance.image_id is not None else None
    if kind == "snippet":
        return f"snippet-{meta.app_label}-{meta.model_name}-{instance.pk}" if instance.pk is not None else None
    if kind == "setting":
        return f"setting-{meta.app_label}-{meta.model_name}"
    return kind  # site, collection: rare changes that touch what every page is served under


def set_tag(model):
    """The tag of the set of ``model`` objects a listing shows (``pages``, ``images``...), or None."""
    return SET_TAGS.get(_kind(model))


def _loaded(sender, instance, **kwargs):
    collected = _collector.get()
    if collected is not None:
        tag = tag_for(instance)
        if tag is not None:
            collected.add(tag)


def connect_collector():
    """Tag what every request loads (called from ``CoreConfig.ready``)."""
    post_init.connect(_loaded, dispatch_uid="core-stamps-loaded")
