"""How numbers and words of a block read to a patient, the same in a page's HTML and its JSON-LD.

Block values (``StructValue`` classes beside each block) call these, so a template and a
block's ``json_ld`` never format the same fact two ways.
"""

from django.utils.text import capfirst


def number_range(low, high):
    """A typical amount: "40" when both ends are the same (or there is no maximum), else "30–50"."""
    if high is None or high == low:
        return f"{low}"
    return f"{low}–{high}"


def sentence_start(text):
    """``text`` as it starts a line, e.g. "two weeks before" -> "Two weeks before"."""
    return capfirst(text or "")


def joined(words):
    """Words as a sentence lists them: "a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
