"""The JSON Schema of a consultation request body, walked from ``ConsultationForm``.

The form stays the one definition of what is valid; this schema says the same in JSON Schema
(types, lengths, allowed characters, consent, "email or phone"), so that the OpenAPI document and
the server agree on every request (``.ci/contract`` checks it with schemathesis).
"""

from django import forms
from django.conf import settings

from core.errors import MAX_ID

from .forms import HONEYPOT_FIELD, ConsultationForm
from .text import BREAK_RANGES, CheckedTextMixin, forbidden_ranges

PATH = "/api/v2/consultations/"
# Page ids are 32-bit on every database the project supports.
# What Python's str.strip() (so Django's form fields) removes around a value, beyond the characters
# refused anyway: surrounding whitespace is allowed and dropped, whitespace alone is an empty value.
STRIPPED = r" \xa0\u1680\u2000-\u200a\u202f\u205f\u3000"
CONTACT_FIELDS = ("email", "phone")
# PHONE_VALIDATOR (^\+?[0-9][0-9 ().-]{6,}$) as it applies after Django strips the value: the last
# character cannot be a space. tests/consultations/test_openapi.py holds the two rules side by side.
PHONE_NUMBER = r"\+?[0-9][0-9 ().-]{5,}[0-9().-]"


def max_body_bytes():
    """The largest accepted request body (``CONSULTATION_MAX_BODY_BYTES``, 16 KB by default)."""
    return getattr(settings, "CONSULTATION_MAX_BODY_BYTES", 16 * 1024)


def _text_pattern(field):
    multiline = getattr(field, "multiline", False)
    refused = forbidden_ranges(multiline)
    if not field.required:
        return f"^[^{refused}]*$"
    # At least one character that is neither refused nor stripped away.
    blank = STRIPPED + (BREAK_RANGES if multiline else "")
    return f"^[^{refused}]*[^{refused}{blank}][^{refused}]*$"


def _string_schema(name, field):
    schema = {"type": "string"}
    if field.required:
        schema["minLength"] = 1
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    if name == "phone":
        schema["pattern"] = f"^[{STRIPPED}]*$|^[{STRIPPED}]*{PHONE_NUMBER}[{STRIPPED}]*$"
    elif isinstance(field, CheckedTextMixin):
        schema["pattern"] = _text_pattern(field)
    if isinstance(field, forms.EmailField):
        # Empty (no email), or an address as sent: the API refuses spaces around one (api.py).
        schema["anyOf"] = [{"maxLength": 0}, {"format": "email"}]
    if name == HONEYPOT_FIELD:
        schema["maxLength"] = 0
    return schema


def _field_schema(name, field):
    if isinstance(field, forms.ModelChoiceField):
        schema = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
    elif isinstance(field, forms.BooleanField):
        schema = {"type": "boolean"}
        if field.required:
            schema["const"] = True  # consent: anything but true is refused
    elif isinstance(field, forms.ChoiceField):
        schema = {"type": "string", "enum": [value for value, _ in field.choices]}
    else:
        schema = _string_schema(name, field)
    if not field.required and schema["type"] != "boolean":
        schema["type"] = [schema["type"], "null"]
    description = str(field.label or "")
    if field.help_text:
        description = f"{description}. {field.help_text}" if description else str(field.help_text)
    if description:
        schema["description"] = description
    return schema


def request_schema():
    """The JSON Schema of a request body, walked from the form's fields."""
    fields = ConsultationForm.base_fields
    properties = {name: _field_schema(name, field) for name, field in fields.items()}
    properties[HONEYPOT_FIELD]["description"] = "Honeypot: leave out or empty. A filled value is rejected with 400."
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name, field in fields.items() if field.required],
        "additionalProperties": False,
        "description": "At least one of email and phone is required.",
        "anyOf": [
            {"required": [name], "properties": {name: {"type": "string", "pattern": f"[^{STRIPPED}]"}}}
            for name in CONTACT_FIELDS
        ],
    }
