"""The best matches of a search, at a cost that does not grow with the catalogue (issue 18).

The search backend's relevance ranking scores every match before it keeps the best few: on
SQLite one scoring subquery per match, each reading the full-text index again, so ranking a
common word grows with the square of the catalogue. Its score can also put a short page that
mentions a word once above the page named by it. So the best matches here are the pages whose
title matches, then the other matches, each group in the site's order (the tree order of the
treatments index), found with at most two queries whatever the catalogue's size:

1. the title matches, unranked, in the site's order, at most ``limit``;
2. only when they are fewer than ``limit``: every match the same way, to fill up to ``limit``.

Matching the title alone costs less than matching whole pages (on PostgreSQL the backend joins
each page's whole indexed text), so a common word, found in many titles, costs one cheap query.
Only Wagtail's public search API is used: ``.search()`` with ``order_by_relevance`` and
``fields``.
"""

from django.db.models import Case, IntegerField, Value, When

# Matches a search reaches at most: the API's ``?search=`` and the site's search page.
MAX_MATCHES = 100


def best_matches(pages, query, operator=None, limit=MAX_MATCHES):
    """The ids of at most ``limit`` of ``pages`` matching ``query``, best first (see above)."""
    in_site_order = pages.select_related(None).prefetch_related(None).only("pk").order_by("path")
    titled = _ids(in_site_order.search(query, fields=["title"], operator=operator, order_by_relevance=False)[:limit])
    if len(titled) == limit:
        return titled
    found = _ids(in_site_order.search(query, operator=operator, order_by_relevance=False)[:limit])
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
