"""Wagtail hooks of the project package: rich-text page links loaded in bulk."""

from wagtail import hooks

from .prefetch import PrefetchedPageLinkHandler


@hooks.register("register_rich_text_features")
def register_prefetched_page_links(features):
    # Replaces Wagtail's "page" link handler (same behaviour; reads prefetched pages first).
    features.register_link_type(PrefetchedPageLinkHandler)
