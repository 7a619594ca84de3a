"""Spreadsheet cells of the inbox export: the values as stored, made safe only where a program would run them.

CSV has no types: a spreadsheet program reads every cell and runs those that look like formulas
(``=``, ``@``, or ``+``/``-`` followed by more than arithmetic on digits). Only those cells get a
leading ``'`` so they show as text. A phone number such as ``+1 503 850 0414`` or a negative number is
digits, spaces and punctuation, which cannot call a function or reach outside the sheet: it is left as
it is. XLSX cells are typed: strings are written as string cells (never formulas), dates as dates,
booleans as booleans; nothing is prefixed.
"""

import re

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "@", "+", "-")
# Leading characters some programs skip before deciding a cell is a formula.
SKIPPED_LEADING = " \t\r\n"
# Digits with spaces, dots, dashes, parentheses and a leading sign: a phone number or a number.
PLAIN_NUMBER = re.compile(r"[+-]?[0-9 ().+-]*\Z")


def runs_as_formula(value):
    """True when a spreadsheet opening this CSV cell would evaluate it."""
    text = value.lstrip(SKIPPED_LEADING)
    if not text.startswith(FORMULA_STARTS):
        return False
    if text[0] in "+-" and PLAIN_NUMBER.match(text):
        return False
    return True


def csv_cell(value):
    """A CSV cell: the value, with ``'`` in front only if it would run as a formula."""
    if isinstance(value, str) and runs_as_formula(value):
        return "'" + value
    return value


def xlsx_cell(value):
    """An XLSX cell value: strings stay strings. Characters XML cannot hold (control characters in
    requests stored before they were refused) become U+FFFD instead of breaking the whole export."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value
