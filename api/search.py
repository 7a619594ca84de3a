"""``?search=``: the best matches only, at a cost that does not grow with the catalogue (issue 18)."""

from wagtail.api.v2.filters import SearchFilter

from search.ranking import best_matches, in_given_order


class BestMatchesFilter(SearchFilter):
    """Wagtail's search filter, but a search ordered by relevance reaches its best 100 matches.

    Wagtail's filter checks the request (its errors are kept) and, with ``?order=``, searches
    unranked in that order; the listing then stops at 100 (pages.py). Ordered by
    relevance, the matches are ordered by ``search.ranking.best_matches``, and the listing is a
    plain queryset of those pages in that order, counted and sliced like any listing.
    """

    def filter_queryset(self, request, queryset, view):
        searched = super().filter_queryset(request, queryset, view)
        if "search" not in request.GET or "order" in request.GET:
            return searched
        ids = best_matches(queryset, request.GET["search"], operator=request.GET.get("search_operator"))
        return in_given_order(queryset, ids)
