"""Client errors, the same everywhere: one JSON body, and the bound beyond which an id is no id.

The body is ``{"message": ..., "code": ..., "errors"?: ...}`` (issue 15): ``message`` for people,
``code`` for programs (stable), ``errors`` per field when a form-like body had any. A caller that
gives no code gets the one of its status (``STATUS_CODES``).
"""

from django.http import JsonResponse

# Ids beyond this are not ids: they overflow SQLite's and PostgreSQL's integer columns.
MAX_ID = 2**31 - 1

# The code of an error that has no more specific one, by HTTP status.
STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
    500: "server_error",
    503: "unavailable",
}


def status_code_name(status):
    """The generic ``code`` of an error answered with HTTP ``status``."""
    return STATUS_CODES.get(status, "client_error" if status < 500 else "server_error")


def error_body(message, code, **extra):
    """``{"message": ..., "code": ...}``, the error body of every JSON endpoint; ``extra`` follows."""
    return {"message": message, "code": code, **extra}


def json_error(message, status, code=None, **extra):
    """A ``JsonResponse`` with ``error_body(message, code, **extra)`` and ``status``."""
    return JsonResponse(error_body(message, code or status_code_name(status), **extra), status=status)
