"""Wagtail hooks of the shared machinery: rich-text page links loaded in bulk, autosave kept behind saves."""

from wagtail import hooks
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from . import autosave
from .prefetch import scoped
from .visibility import public_or_none


class PrefetchedPageLinkHandler(PageLinkHandler):
    """Wagtail's page-link handler, reading pages fetched for the whole response.

    A link to a page the public may not see (a draft, unpublished, password-protected) keeps its
    text but loses its ``href``, as Wagtail renders a link to a deleted page.
    """

    @classmethod
    def get_many(cls, attrs_list):
        return [public_or_none(page) for page in cls.loaded_pages(attrs_list)]

    @classmethod
    def loaded_pages(cls, attrs_list):
        pages = scoped(Page)
        if pages is None:
            return super().get_many(attrs_list)
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        missing = list(dict.fromkeys(i for i in ids if i not in pages))
        if missing:
            fetched = super().get_many([{"id": i} for i in missing])
            pages.update(zip(missing, fetched, strict=True))
        return [pages.get(i) for i in ids]


@hooks.register("register_rich_text_features")
def register_prefetched_page_links(features):
    # Replaces Wagtail's "page" link handler (same behaviour; reads prefetched pages first).
    features.register_link_type(PrefetchedPageLinkHandler)


@hooks.register("after_edit_page")
def keep_the_editors_save(request, page):
    # A background autosave that raced "Save draft" must not become the working draft.
    return autosave.keep_the_editors_save(request, page)
