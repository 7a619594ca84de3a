"""A short excerpt of a search result around the query's words, those words marked with <mark>."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

EXCERPT_CHARS = 220
# Search backends stem words ("injections" finds "injection"); a shorter prefix finds those too.
STEM_CHARS = 5


def query_terms(query):
    """The words of a query, lowercased, without repeats."""
    return list(dict.fromkeys(word.lower() for word in re.findall(r"\w+", query)))


def _pattern(terms):
    return re.compile(r"\b(?:" + "|".join(re.escape(term) for term in terms) + r")\w*", re.IGNORECASE)


def _window(text, start, width):
    """About ``width`` characters of ``text`` around ``start``, cut at spaces."""
    if len(text) <= width:
        return 0, len(text)
    begin = max(0, start - width // 3)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    end = min(len(text), begin + width)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > start else end
    return begin, end


def excerpt(texts, query, width=EXCERPT_CHARS):
    """Safe HTML: the first text matching ``query``, shortened around the match, matches in <mark>.

    Falls back to the start of the first text when no word of the query appears literally.
    """
    texts = [" ".join(str(text).split()) for text in texts if text and str(text).strip()]
    if not texts:
        return ""
    terms = query_terms(query)
    for candidate_terms in (terms, [term[:STEM_CHARS] for term in terms if len(term) > STEM_CHARS]):
        if not candidate_terms:
            continue
        pattern = _pattern(candidate_terms)
        for text in texts:
            match = pattern.search(text)
            if match:
                return _marked(text, pattern, *_window(text, match.start(), width))
    begin, end = _window(texts[0], 0, width)
    return escape(texts[0][begin:end]) + ("…" if end < len(texts[0]) else "")


def _marked(text, pattern, begin, end):
    piece = text[begin:end]
    html, last = [], 0
    for match in pattern.finditer(piece):
        html.append(escape(piece[last : match.start()]))
        html.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    html.append(escape(piece[last:]))
    return mark_safe(("…" if begin else "") + "".join(html) + ("…" if end < len(text) else ""))
