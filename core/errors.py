"""Client errors, the same everywhere: one JSON body, and the bound beyond which an id is no id."""

from django.http import JsonResponse

# Ids beyond this are not ids: they overflow SQLite's and PostgreSQL's integer columns.
MAX_ID = 2**31 - 1


def error_body(message, code=None, **extra):
    """``{"message": ...}``, the error body of every JSON endpoint; ``code`` and ``extra`` follow it."""
    body = {"message": message}
    if code is not None:
        body["code"] = code
    body.update(extra)
    return body


def json_error(message, status, code=None, **extra):
    """A ``JsonResponse`` with ``error_body(message, code, **extra)`` and ``status``."""
    return JsonResponse(error_body(message, code, **extra), status=status)
