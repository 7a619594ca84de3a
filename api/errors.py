"""The API's one error shape: ``{"message": ...}`` with a 4xx status, and the bounds of valid input."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import JsonResponse
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError

# Ids beyond this are not ids (and overflow SQLite/PostgreSQL integers): answered 404.
MAX_ID = 2**31 - 1

# Bad values that reach the database or a converter: the client's mistake, never a 500.
BAD_INPUT_ERRORS = (BadRequestError, OverflowError, DataError, DjangoValidationError, ValueError)


def error_body(message):
    """The JSON body of every API error."""
    return {"message": message}


def error(message, status):
    """An API view's error response."""
    return Response(error_body(message), status=status)


def api_not_found(request, *args, **kwargs):
    """Any other URL under /api/: a JSON 404, like the endpoints' own."""
    return JsonResponse(error_body("not found"), status=404)
