"""The database's planner statistics, refreshed after many rows were added at once.

SQLite keeps no statistics unless asked (``ANALYZE``): without them its planner takes every
index for a narrow one and, for a full-text search, walks the search index's entries of a page
type one by one instead of reading the matches, a cost that grows with the catalogue (issue 18).
PostgreSQL's autovacuum analyzes by itself; asking it too, after a bulk load, is harmless.
"""

from django.db import connections

# Rows SQLite reads per index while analyzing: enough for the planner, quick on any size.
SQLITE_ANALYSIS_LIMIT = 1000


def refresh_planner_statistics(using="default"):
    """Analyze the database now (after a bulk load, so the planner knows the tables' sizes)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit = {SQLITE_ANALYSIS_LIMIT}")
        cursor.execute("ANALYZE")
