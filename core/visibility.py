"""What a public page may show of other objects: live, unrestricted pages; images and documents
outside private collections. Checked on objects already loaded, against lookups remembered under
the request's change sequence number (``caching.remembered``), so it costs no query per object.

Used wherever a page shows another object: the shared JSON shapes (``representations.py``),
rich-text page links (``wagtail_hooks.py``) and the visitor templates (the ``public`` filter,
``templatetags/visibility.py``). A page that is not shown still names its tag (it was loaded),
so the page showing it is rebuilt when it becomes public.
"""

from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from .caching import remembered


def restricted_page_paths():
    """Tree paths of the pages that carry a view restriction (it covers their subtrees too)."""
    return remembered(
        "restricted-paths", lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
    )


def restricted_collection_paths():
    """Tree paths of the collections that carry a view restriction (and so their sub-collections)."""
    return remembered(
        "restricted-collections",
        lambda: sorted(set(CollectionViewRestriction.objects.values_list("collection__path", flat=True))),
    )


def is_public_page(page):
    """Live, and neither it nor a page above it restricts who may view it."""
    return page.live and not any(page.path.startswith(path) for path in restricted_page_paths())


def in_public_collection(item):
    """An image or document whose collection (and every collection above it) is unrestricted."""
    restricted = restricted_collection_paths()
    if not restricted:
        return True
    paths = remembered("collection-paths", lambda: dict(Collection.objects.values_list("id", "path")))
    path = paths.get(item.collection_id, "")
    return not any(path.startswith(prefix) for prefix in restricted)


def is_public(obj):
    """May a public page show ``obj``? Pages, images and documents are checked; anything else may."""
    if isinstance(obj, Page):
        return is_public_page(obj)
    if isinstance(obj, AbstractImage | AbstractDocument):
        return in_public_collection(obj)
    return True


def public_or_none(obj):
    """``obj`` if a public page may show it, else None (as if nothing had been chosen)."""
    return obj if obj is not None and is_public(obj) else None
