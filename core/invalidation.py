"""From a change to the tags it invalidates: stamped in the change's transaction, purged after it commits.

``changed(**content_changed arguments)`` is the response caches' subscriber to ``content_changed``
(``core/apps.py``). Which tags a change touches:

- a page published, unpublished, deleted: ``page-<id>`` and ``pages`` (listings, sitemaps and
  index pages show the set of pages); moved: the same for the page and every page below it
  (their URLs changed);
- an image, document, snippet or setting: its own tag (``image-<id>``, ``document-<id>``,
  ``snippet-<app>-<model>-<id>``, ``setting-<app>-<model>``), and for images and documents
  ``images`` / ``documents`` (their listings);
- a site, collection or view restriction: ``site``, ``collection`` or ``privacy``, which every
  page answer names (they decide what is public and under which URL).

Responses name the tags of what they show (``stamps.py``), so a change reaches exactly the
answers that show the changed object, including pages that link to a page or show an image.
"""

from django.db import transaction
from wagtail.models import Page

from . import purge, stamps


def tags_of_change(event, kind, instance):
    """The cache tags a change of ``instance`` (``event`` as ``content_changed`` sends it) touches."""
    if kind == "page":
        tags = {f"page-{instance.pk}", stamps.PAGES}
        if event == "page.moved":
            path = Page.objects.filter(pk=instance.pk).values_list("path", flat=True).first()
            if path:
                below = Page.objects.filter(path__startswith=path).values_list("pk", flat=True)
                tags.update(f"page-{pk}" for pk in below)
        return tags
    if kind == "privacy":
        return {stamps.PRIVACY}
    tags = {stamps.tag_for(instance), stamps.SET_TAGS.get(kind)} - {None}
    return tags


def changed(sender, event, kind, instance, raw=False, **kwargs):
    """Stamp what changed inside the change's transaction; purge shared caches once it commits."""
    tags = tags_of_change(event, kind, instance)
    if not tags:
        return
    stamps.bump(tags)
    transaction.on_commit(lambda: purge.purge_tags(tags))
