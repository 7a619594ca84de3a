"""A lost database is an outage, not a bug: answer 503 with Retry-After, never a 500."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.views import defaults

from .errors import json_error

RETRY_AFTER_SECONDS = "10"
OUTAGE_MESSAGE = "The service is temporarily unavailable. Please try again in a moment."
OUTAGE_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    "<title>Temporarily unavailable</title></head>"
    f"<body><main><h1>Temporarily unavailable</h1><p>{OUTAGE_MESSAGE}</p></main></body></html>"
)


def _database_outage(exc):
    """True when the exception (or its cause) is a failed database connection."""
    while exc is not None:
        if isinstance(exc, OperationalError | InterfaceError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def server_error(request, *args, **kwargs):
    """``handler500``: 503 while the database is unreachable, else Django's own 500 page.

    Runs for exceptions raised anywhere (middleware, views, templates), so a restart of
    PostgreSQL gives clients a clear, retryable answer. It renders without the database.
    """
    if not _database_outage(sys.exc_info()[1]):
        return defaults.server_error(request, *args, **kwargs)
    if request.path.startswith("/api/"):
        response = json_error(OUTAGE_MESSAGE, 503)
    else:
        response = HttpResponse(OUTAGE_PAGE, status=503)
    response["Retry-After"] = RETRY_AFTER_SECONDS
    response["Cache-Control"] = "no-store"
    return response
