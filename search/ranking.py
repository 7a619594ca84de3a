"""The best matches of a search, at a cost that does not grow with the catalogue (issue 18).

The search backend's relevance ranking scores every match before it keeps the best few: on
SQLite one scoring subquery per match, each reading the full-text index again, so ranking a
common word grows with the square of the catalogue. And its score can put a short page that
mentions a word once above the page named by it. So a search here is two queries, whatever
the catalogue's size:

1. the matches, unranked, in the site's order (the tree order of the treatments index),
   at most ``limit + 1`` of them: are there more than ``limit``?
2. the pages whose title matches: when at most ``limit`` pages match, ranked by the backend
   on the title alone (a bounded set: the cost of ranking it is bounded too); when more
   match, unranked, the first ``limit`` in the site's order.

The best matches are the title matches, then the other matches in the site's order.
Only Wagtail's public search API is used: ``.search()`` with ``order_by_relevance`` and
``fields``.
"""

from django.db.models import Case, IntegerField, Value, When

# Matches a search reaches at most: the API's ``?search=`` and the site's search page.
MAX_MATCHES = 100


def best_matches(pages, query, operator=None, limit=MAX_MATCHES):
    """The ids of at most ``limit`` of ``pages`` matching ``query``, best first (see above)."""
    ids_only = pages.select_related(None).prefetch_related(None).only("pk")
    in_site_order = ids_only.order_by("path")
    found = _ids(in_site_order.search(query, operator=operator, order_by_relevance=False)[: limit + 1])
    if len(found) <= limit:
        titled = _ids(ids_only.filter(pk__in=found).search(query, fields=["title"], operator=operator))
    else:
        titled = _ids(
            in_site_order.search(query, fields=["title"], operator=operator, order_by_relevance=False)[:limit]
        )
    seen = set(titled)
    return (titled + [pk for pk in found if pk not in seen])[:limit]


def in_given_order(pages, ids):
    """``pages`` with these ids, in the order of ``ids`` (a queryset: it can be counted and sliced)."""
    if not ids:
        return pages.none()
    position = Case(*[When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)], output_field=IntegerField())
    return pages.filter(pk__in=ids).order_by(position)


def _ids(results):
    return [page.pk for page in results]
