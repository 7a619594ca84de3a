"""Site search over live, public treatment pages, text inside their sections included."""

import math

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from core.page_cache import cached_public_view
from core.stamps import PAGES
from treatments.models import TreatmentPage

from .highlight import excerpt
from .ranking import best_matches, in_given_order
from .texts import searchable_texts

RESULTS_PER_PAGE = 10
MAX_QUERY_CHARS = 200
# Matches counted at most: past it the page says "more than 100 results" and offers the first
# ten pages. Counting every match of a common word in a large catalogue costs more than the
# visitor gains from the exact number.
MAX_COUNTED = 100


def clean_query(raw):
    """The visitor's query, trimmed; control characters (PostgreSQL rejects NUL) become spaces."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or "")[: MAX_QUERY_CHARS * 2])
    return " ".join(text.split())[:MAX_QUERY_CHARS]


class BestResults:
    """The best matches as Django's Paginator reads them: at most ``MAX_COUNTED``, then "more".

    The matches are found and ranked once, as page ids (``search.ranking``: at most two queries
    whatever the catalogue's size); a page of results loads only the ten pages it shows.
    """

    def __init__(self, pages, query):
        self.pages = pages
        ids = best_matches(pages, query, limit=MAX_COUNTED + 1)
        self.more = len(ids) > MAX_COUNTED
        self.ids = ids[:MAX_COUNTED]

    def count(self):
        return len(self.ids)

    def __getitem__(self, index):
        return list(in_given_order(self.pages, self.ids[index]))


@require_safe
# Cached like a page until any page is published, moved or unpublished (results may change).
@cached_public_view(tags=[PAGES])
def search(request):
    """Search treatments; ``?q=`` the words, ``?page=`` the result page (junk falls back to a valid page)."""
    query = clean_query(request.GET.get("q"))
    results = BestResults(TreatmentPage.objects.live().public(), query) if query else []
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    hits = [{"page": result, "excerpt": excerpt(searchable_texts(result), query)} for result in page]
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": page,
            "hits": hits,
            "paginator": paginator,
            "more_results": getattr(results, "more", False),
            "max_pages": math.ceil(MAX_COUNTED / RESULTS_PER_PAGE),
        },
    )
