"""``/healthz``: is this instance able to serve? Database and cache, nothing more."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_status():
    """'ok' when the default database answers a trivial query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        # A load balancer polls this every few seconds: log the cause here, never in the response.
        logger.warning("Health check: database unavailable", exc_info=True)
        connection.close_if_unusable_or_obsolete()
        return "unavailable"
    return "ok"


def cache_status():
    """'ok' when the cache stores and returns a value.

    The Redis cache ignores its own errors (an outage must not break pages), so a failed
    write shows up only as a value that does not come back.
    """
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        stored = cache.get(key)
        cache.delete(key)
    except Exception:
        logger.warning("Health check: cache unavailable", exc_info=True)
        return "unavailable"
    if stored != "ok":
        logger.warning("Health check: cache did not return a stored value")
        return "unavailable"
    return "ok"


@never_cache
@require_safe
def healthz(request):
    """200 with every part 'ok', else 503; the same JSON shape either way."""
    checks = {"database": database_status(), "cache": cache_status()}
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503)
