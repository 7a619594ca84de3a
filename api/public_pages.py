"""Which pages the public may see, in one place: live, inside the site being served, and with no
view restriction (password, login, groups) on the page or any page above it.

The rule comes in two forms that must agree: ``public_pages(site)`` as a queryset for listings
and searches, and ``is_public_in_site(page, site)`` checked on a page already loaded by key,
which lets the detail endpoint fetch with plain indexed lookups instead of filtered queries.
Both read the restricted tree paths from ``restricted_paths()``, remembered until content
(restrictions included) changes.
"""

from django.db.models import Q
from wagtail.models import Page

from core.caching import remembered
from core.visibility import restricted_page_paths


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (it covers their subtrees too)."""
    return restricted_page_paths()


def public_pages(site):
    """Live pages of ``site`` (its root included) outside every view restriction."""
    if site is None:
        return Page.objects.none()
    pages = Page.objects.live().descendant_of(site.root_page, inclusive=True)
    restricted = Q()
    for path in restricted_paths():
        # Plain path filters, as Wagtail's own ``public()``: search backends understand them.
        restricted |= Q(path__startswith=path)
    return pages.exclude(restricted) if restricted else pages


def is_public_in_site(page, site):
    """``page`` would be in ``public_pages(site)``."""
    return (
        site is not None
        and page.live
        and page.path.startswith(site.root_page.path)
        and not any(page.path.startswith(path) for path in restricted_paths())
    )


def public_parent(page, site, fields):
    """The parent of a public ``page`` if it is in ``public_pages(site)`` too, with only ``fields`` loaded.

    A parent above a public page has no view restriction (it would restrict the page), so
    live and inside the site is enough. Many pages share a parent, and what it shows changes
    only with content: remembered, like the site, until content changes.
    """
    parent_path = page.path[: -Page.steplen]
    if len(parent_path) < len(site.root_page.path):
        return None
    return remembered(f"live-page:{parent_path}:{','.join(fields)}", lambda: live_page_at(parent_path, fields))


def live_page_at(path, fields):
    """The live page at tree ``path`` with only ``fields`` loaded, or None."""
    try:
        return Page.objects.only(*fields).get(path=path, live=True)
    except Page.DoesNotExist:
        return None
