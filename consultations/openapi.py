"""The OpenAPI 3.1 path item of ``POST /api/v2/consultations/``, merged into the project's document.

Every error body is ``{"message", "code"}``; each status lists the codes it can carry, so a body
matches exactly one branch of the 400 ``oneOf`` (field errors, code ``invalid``, or a body that is
not a JSON object or an unusable key).
"""

from . import idempotency
from .models import ConsultationRequest
from .schema import PATH, max_body_bytes, request_schema

ERROR_CODES = {
    "400": ["invalid_json", "invalid_idempotency_key"],
    "405": ["method_not_allowed"],
    "409": ["idempotency_key_reused"],
    "411": ["length_required"],
    "413": ["too_large"],
    "415": ["unsupported_media_type"],
    "429": ["rate_limited"],
}


def _error_schema(codes):
    return {
        "type": "object",
        "required": ["message", "code"],
        "properties": {"message": {"type": "string"}, "code": {"type": "string", "enum": codes}},
    }


def _json(description, schema, headers=None):
    response = {"description": description, "content": {"application/json": {"schema": schema}}}
    if headers:
        response["headers"] = headers
    return response


def _field_errors_schema():
    message = {
        "type": "object",
        "required": ["message", "code"],
        "properties": {"message": {"type": "string"}, "code": {"type": "string"}},
    }
    return {
        "type": "object",
        "required": ["message", "code", "errors"],
        "properties": {
            "message": {"type": "string"},
            "code": {"const": "invalid"},
            "errors": {
                "type": "object",
                "description": "Messages per field name; `non_field_errors` for errors of the whole request.",
                "additionalProperties": {"type": "array", "items": message},
            },
        },
    }


def _accepted_schema():
    return {
        "type": "object",
        "required": ["reference", "status", "created_at"],
        "properties": {
            "reference": {"type": "string", "pattern": "^CR-[2-9A-HJKMNP-Z]{8}$", "examples": ["CR-7K3M9Q2X"]},
            "status": {"type": "string", "enum": [ConsultationRequest.Status.NEW.value]},
            "created_at": {"type": "string", "format": "date-time"},
        },
    }


IDEMPOTENCY_KEY = {
    "name": idempotency.HEADER,
    "in": "header",
    "required": False,
    "description": (
        "Any unique value (a UUID): a retry with the same key and the same body within 24 hours is answered "
        "with the first answer (same status and reference, header `Idempotent-Replayed: true`) and writes "
        "nothing; the same key with a different body is refused with 409 Conflict."
    ),
    "schema": {"type": "string", "pattern": idempotency.KEY_PATTERN},
}


def openapi_paths():
    """The endpoint's OpenAPI 3.1 path item, merged into the project's OpenAPI document."""
    retry = {"Retry-After": {"description": "Seconds until a new request is accepted.", "schema": {"type": "integer"}}}
    replayed = {
        idempotency.REPLAY_HEADER: {
            "description": "`true` when this is the stored answer to an earlier request with the same key.",
            "schema": {"type": "string", "enum": ["true"]},
        }
    }

    def error(status, description):
        return _json(description, _error_schema(ERROR_CODES[status]))

    return {
        PATH: {
            "post": {
                "operationId": "createConsultationRequest",
                "summary": "Ask the clinic for a consultation",
                "description": (
                    "Public and write-only: requests can never be read back through the API. "
                    "CSRF-exempt (no cookies are used), never cached, limited per client address. "
                    f"Bodies over {max_body_bytes()} bytes are refused; chunked bodies are read up to that limit."
                ),
                "tags": ["consultations"],
                "security": [],
                "parameters": [IDEMPOTENCY_KEY],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": request_schema(),
                            "example": {
                                "name": "Jane Doe",
                                "email": "jane@example.com",
                                "treatment": 5,
                                "preferred_time": "morning",
                                "message": "I would like to ask about forehead lines.",
                                "consent": True,
                            },
                        }
                    },
                },
                "responses": {
                    "201": _json("Accepted; keep the reference.", _accepted_schema(), headers=replayed),
                    "400": _json(
                        "Invalid fields (`errors`, code `invalid`), a body that is not a JSON object, "
                        "or an unusable Idempotency-Key.",
                        {"oneOf": [_field_errors_schema(), _error_schema(ERROR_CODES["400"])]},
                    ),
                    "405": error("405", "Any method other than POST."),
                    "409": error("409", "The Idempotency-Key was already used with a different body."),
                    "411": error("411", "A chunked body on a server that cannot read one: send a Content-Length."),
                    "413": error("413", "The body is too large."),
                    "415": error("415", "The body is not application/json."),
                    "429": _json(
                        "Too many requests from this address.", _error_schema(ERROR_CODES["429"]), headers=retry
                    ),
                },
            }
        }
    }
