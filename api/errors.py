"""The API's one error shape, ``{"message", "code", "errors"?}`` (``core.errors``), and the bounds of valid input."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError

# MAX_ID is re-exported for api.mixins: ids beyond it are answered 404.
from core.errors import MAX_ID as MAX_ID
from core.errors import error_body, json_error, status_code_name

# Bad values that reach the database or a converter: the client's mistake, never a 500.
BAD_INPUT_ERRORS = (BadRequestError, OverflowError, DataError, DjangoValidationError, ValueError)


def error(message, status, code=None):
    """An API view's error response, in the one error shape (``core.errors``)."""
    return Response(error_body(message, code or status_code_name(status)), status=status)


def api_not_found(request, *args, **kwargs):
    """Any other URL under /api/: a JSON 404, like the endpoints' own."""
    return json_error("not found", 404)
