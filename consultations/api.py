"""``POST /api/v2/consultations/``: the JSON face of the consultation form.

The request schema is derived from ``ConsultationForm`` and checked before the form runs: the
form stays the one definition of what is valid, the schema only adds JSON's strict types.
"""

import json

from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from core.errors import MAX_ID, json_error

from . import idempotency
from .forms import HONEYPOT_FIELD, ConsultationForm
from .intake import accept
from .models import ConsultationRequest
from .openapi import openapi_paths
from .ratelimit import retry_after
from .request_body import BodyTooLarge, LengthRequired, read_body
from .schema import PATH, max_body_bytes, request_schema

# The project's OpenAPI document reads these from every app's api module (api/openapi/document.py).
__all__ = ["PATH", "ConsultationRequestAPIView", "openapi_paths", "request_schema"]

TYPE_WORDS = {"string": "a string", "integer": "an integer", "boolean": "true or false"}


def _type_errors(data, schema):
    """Unknown fields and values of the wrong JSON type, as form-style errors."""
    errors = {}
    for name, value in data.items():
        prop = schema["properties"].get(name)
        if prop is None:
            errors[name] = [{"message": "Unknown field.", "code": "unknown_field"}]
            continue
        allowed = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
        if value is None and "null" in allowed:
            continue
        if "integer" in allowed:
            ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_ID
            if isinstance(value, int) and not isinstance(value, bool) and not ok:
                errors[name] = [{"message": "Select a valid choice.", "code": "invalid_choice"}]
                continue
        elif "boolean" in allowed:
            ok = isinstance(value, bool)
        else:
            ok = isinstance(value, str)
            if ok and not _is_storable(value):
                errors[name] = [{"message": "Contains characters that are not valid text.", "code": "invalid_text"}]
                continue
            if ok and "anyOf" in prop and value != value.strip():
                # An email address as sent: spaces around it are not part of any address.
                errors[name] = [{"message": "Enter a valid email address.", "code": "invalid"}]
                continue
            if ok and name != HONEYPOT_FIELD and len(value) > prop.get("maxLength", len(value)):
                # JSON strings are measured as sent (the form measures them after stripping spaces).
                limit = prop["maxLength"]
                message = f"Ensure this value has at most {limit} characters (it has {len(value)})."
                errors[name] = [{"message": message, "code": "max_length"}]
                continue
        if not ok:
            wanted = " or ".join(TYPE_WORDS[t] for t in allowed if t != "null")
            nullable = " (or null)" if "null" in allowed else ""
            errors[name] = [{"message": f"Must be {wanted}{nullable}.", "code": "invalid_type"}]
    return errors


def _is_storable(text):
    # JSON escapes can spell lone surrogates ("\\ud800"), which no database can store.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _form_data(data):
    """JSON values as the form reads them: null is an empty field."""
    return {name: ("" if value is None else value) for name, value in data.items()}


def _error(status, message, code, **extra):
    # The API's one error shape: a top-level message (as every /api/ endpoint), plus a code.
    return json_error(message, status, code, **extra)


def _field_errors(errors):
    return _error(400, "Some fields are not valid: see errors.", "invalid", errors=errors)


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class ConsultationRequestAPIView(View):
    """Accept a consultation request as JSON. Write-only: no request can be read back here."""

    http_method_names = ["post", "options"]

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = _error(405, "Only POST is allowed: consultation requests cannot be read.", "method_not_allowed")
        response["Allow"] = "POST, OPTIONS"
        return response

    def post(self, request):
        wait = retry_after(request)
        if wait:
            response = _error(429, "Too many requests from this address. Try again later.", "rate_limited")
            response["Retry-After"] = str(wait)
            return response
        limit = max_body_bytes()
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > limit:
            return _error(413, f"The body is larger than {limit} bytes.", "too_large")
        if request.content_type.lower() != "application/json" or request.content_params.get(
            "charset", "utf-8"
        ).lower() not in ("utf-8", "utf8"):
            return _error(415, "Send the request as application/json (UTF-8).", "unsupported_media_type")
        try:
            key = idempotency.key_from(request)
        except idempotency.InvalidKey as e:
            return _error(400, str(e), "invalid_idempotency_key")
        try:
            body = read_body(request, limit)
        except BodyTooLarge:
            return _error(413, f"The body is larger than {limit} bytes.", "too_large")
        except LengthRequired:
            return _error(411, "This server cannot read a chunked body: send a Content-Length.", "length_required")
        try:
            data = json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
        except (UnicodeDecodeError, ValueError, RecursionError):
            return _error(400, "The body is not valid JSON.", "invalid_json")
        if not isinstance(data, dict):
            return _error(400, "The body must be a JSON object.", "invalid_json")
        fingerprint = idempotency.fingerprint(data) if key else None
        if key:
            replay = _replay(key, fingerprint)
            if replay:
                return replay

        errors = _type_errors(data, request_schema())
        if errors:
            return _field_errors(errors)
        form = ConsultationForm(data=_form_data(data))
        if not form.is_valid():
            errors = form.errors.get_json_data()
            if "__all__" in errors:
                errors["non_field_errors"] = errors.pop("__all__")
            return _field_errors(errors)
        try:
            with transaction.atomic():
                consultation = accept(
                    form, request, ConsultationRequest.Channel.API, request.META.get("HTTP_REFERER", "")
                )
                answer = {
                    "reference": consultation.reference,
                    "status": consultation.status,
                    "created_at": consultation.created_at,
                }
                if key:
                    idempotency.remember(key, fingerprint, 201, answer)
        except IntegrityError:
            # A copy of this request with the same key was accepted at the same moment: answer as it was.
            replay = _replay(key, fingerprint) if key else None
            if replay is None:
                raise
            return replay
        return JsonResponse(answer, status=201)


def _replay(key, fingerprint):
    """The first answer given under ``key``, a 422 if it was for another body, None if the key is new."""
    try:
        first = idempotency.first_answer(key, fingerprint)
    except idempotency.KeyReused:
        return _error(
            409,
            f"This {idempotency.HEADER} was already used with a different request body: use a new key.",
            "idempotency_key_reused",
        )
    if first is None:
        return None
    status, body = first
    response = JsonResponse(body, status=status)
    response[idempotency.REPLAY_HEADER] = "true"
    return response


def _reject_constant(name):
    # NaN and Infinity are not JSON.
    raise ValueError(f"{name} is not valid JSON")
