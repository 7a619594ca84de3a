"""Which site paths a change touches, worked out in bulk.

Two queries whatever the number of pages: one on Wagtail's ``ReferenceIndex`` (who shows the
object) and one for the live pages (those, plus the changed page's parent listing). URLs come
from Wagtail's cached site root paths (``Page.get_url_parts``), never one query per page.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, ReferenceIndex

from core.hosts import frontend_url

# What a page needs for ``get_url_parts`` and for the payload; bodies are never loaded.
PAGE_FIELDS = ("id", "path", "depth", "url_path", "live", "locale_id")


def site_path(page, url_path=None):
    """``(path, url)`` of a page as front ends route it, e.g. ``/treatments/botox/``; ``url_path`` overrides.

    ``url`` names the front end's host when ``CMS_FRONTEND_BASE_URL`` is set, else the page's Site.
    """
    if url_path is not None and url_path != page.url_path:
        page = Page(pk=page.pk, path=page.path, depth=page.depth, url_path=url_path, locale_id=page.locale_id)
    parts = page.get_url_parts()
    if parts is None:
        return None, None
    _site_id, root_url, page_path = parts
    return page_path, frontend_url((root_url or "") + page_path)


def referencing_page_ids(instance):
    """Ids of the pages whose content references ``instance`` (one query)."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(instance)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        .distinct()
    )
    return {int(pk) for pk in ids}


def live_pages(ids, parent_of=None):
    """Live pages with these ids, plus the live parent of ``parent_of``; one query, tree order."""
    condition = Q(pk__in=ids)
    if parent_of is not None and parent_of.depth > 1:
        condition |= Page.objects.parent_of_q(parent_of)
    return list(Page.objects.live().filter(condition).only(*PAGE_FIELDS).order_by("path"))


def paths_of(pages):
    """The site paths of ``pages`` that have one, in order, without repeats."""
    paths = (site_path(page)[0] for page in pages)
    return list(dict.fromkeys(path for path in paths if path is not None))


def all_live_pages(site_id=None):
    """Every live page (of one site when ``site_id`` is given): a setting shows on all of them."""
    pages = Page.objects.live().filter(depth__gt=1).only(*PAGE_FIELDS).order_by("path")
    if site_id is None:
        return list(pages)
    return [page for page in pages if (page.get_url_parts() or (None,))[0] == site_id]
