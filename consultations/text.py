"""Which characters a consultation request's text may hold.

Refused everywhere: C0 control characters, DEL, C1 control characters, and the explicit
bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which can make
a name or a message read differently from what it holds ("Trojan Source"). Tab, carriage return,
line feed and the Unicode line and paragraph separators are refused in one-line fields and kept in
the multi-line message. The implicit direction marks (U+200E, U+200F, U+061C) stay allowed: Arabic
and Hebrew text copied from a phone carries them, and they cannot reorder letters.

NUL is refused too, by Django's own validator on every CharField (code
``null_characters_not_allowed``); it is left to that validator so that its answer stays the same.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

LINE_BREAKS = "\t\n\r\u2028\u2029"
# As regular-expression character ranges, shared by the validators and the OpenAPI patterns.
CONTROL_RANGES = r"\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
BREAK_RANGES = r"\t\n\r\u2028\u2029"

INVALID_TEXT = "invalid_text"
MESSAGE = "Remove the invisible control or text-direction character %(character)s from this field."


def forbidden_ranges(multiline):
    """The refused characters as regex ranges (NUL included, for schemas that have no Django validator)."""
    return r"\x00" + CONTROL_RANGES + ("" if multiline else BREAK_RANGES)


@deconstructible
class PlainTextValidator:
    """Refuses control and bidirectional-override characters; ``multiline`` keeps tabs and line breaks."""

    def __init__(self, multiline=False):
        self.multiline = multiline
        self.pattern = re.compile(f"[{CONTROL_RANGES}{'' if multiline else BREAK_RANGES}]")

    def __call__(self, value):
        match = self.pattern.search(str(value))
        if match:
            raise ValidationError(MESSAGE, code=INVALID_TEXT, params={"character": f"U+{ord(match.group()):04X}"})

    def __eq__(self, other):
        return isinstance(other, PlainTextValidator) and other.multiline == self.multiline


class CheckedTextMixin:
    """Checks the text as sent, before Django strips surrounding whitespace: a stray control
    character at either end is refused like one in the middle, not silently dropped."""

    multiline = False

    def to_python(self, value):
        if isinstance(value, str):
            PlainTextValidator(self.multiline)(value)
        return super().to_python(value)


class OneLineTextField(CheckedTextMixin, forms.CharField):
    """A one-line text field (name, phone)."""


class MultiLineTextField(CheckedTextMixin, forms.CharField):
    """A multi-line text field (message): tabs and line breaks allowed."""

    multiline = True


class CheckedEmailField(CheckedTextMixin, forms.EmailField):
    """An email address, refused with the same message when it holds a control character."""
