"""The site's search backend: Wagtail's database backend, safe with any text a visitor types.

The SQLite FTS5 backend quotes each word but leaves double quotes inside it, so ``?search="``
ends in a database error (a 500) on the site, the API and the admin alike. Words never need a
double quote, so it becomes a space before the backend sees the query; a query of spaces
only (another crash) becomes the empty query, which finds nothing.
"""

from modelsearch.backends import database


def _safe(query):
    # A blank query must be "" exactly: the backend answers that with no results, but crashes on "  ".
    if not isinstance(query, str):
        return query
    return " ".join(query.replace('"', " ").replace("\x00", " ").split())


def SearchBackend(params):
    """Wagtail's database backend for the current database, with double quotes removed from queries."""
    vendor_backend = type(database.SearchBackend(params))

    class SafeQueryBackend(vendor_backend):
        """The same backend; ``search`` and ``autocomplete`` drop characters that break its syntax."""

        def search(self, query, *args, **kwargs):
            return super().search(_safe(query), *args, **kwargs)

        def autocomplete(self, query, *args, **kwargs):
            return super().autocomplete(_safe(query), *args, **kwargs)

    return SafeQueryBackend(params)
