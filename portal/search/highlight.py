"""Marking the words a query matched, in the text as written (with its diacritics).

Elasticsearch's core cannot highlight the original text from folded tokens (that needs a
folding token filter), so both backends highlight here: the text is normalised character by
character (`normalise_aligned`, the same length as the text), the query's words are found
in that copy by one regular expression, and the same spans of the original are wrapped in
<mark>. Everything else is HTML-escaped.
"""

import re
import unicodedata
from functools import lru_cache
from html import escape  # what django.utils.html.escape calls, without its lazy-text wrapper

from django.utils.safestring import mark_safe

from portal.vietnamese import normalise_aligned

SNIPPET_LENGTH = 220
SNIPPET_SCAN = 1500  # characters of the secondary text searched for a passage

# A token is found where `searchtext.WORD` would find a whole word: words are joined by
# . ' ’ between word characters, and by a comma between digits ("1.000178" and "1,5" are one
# word each). The checks come after the token, so the expression starts with literal text,
# which the regex engine scans for quickly; the look-behinds include the token itself.
_JOINS = "[.'’]"


def _word_pattern(token):
    literal = re.escape(token)
    before = rf"(?<!\w{literal})(?<!\w{_JOINS}{literal})"
    if token[:1].isdigit():
        before += rf"(?<!\d,{literal})"
    after = rf"(?!\w)(?!{_JOINS}\w)" + (r"(?!,\d)" if token[-1:].isdigit() else "")
    return literal + before + after


@lru_cache(maxsize=256)
def _matcher(tokens):
    """One expression finding any of `tokens` as a whole word of the normalised text."""
    longest_first = sorted(set(tokens), key=len, reverse=True)
    return re.compile("|".join(_word_pattern(token) for token in longest_first))


def _spans(folded, tokens):
    """(start, end) of each query word in `folded`, a text normalised by normalise_aligned."""
    tokens = tuple(token for token in tokens if token)
    if not tokens:
        return iter(())
    return (match.span() for match in _matcher(tokens).finditer(folded))


def _as_is(text):
    return text


def _escaper(text):
    """`escape`, or nothing to do when `text` has no character HTML gives a meaning to.

    Most names and passages have none, and a search highlights some forty of them with
    several marks each: escaping every piece was a fifth of the time results took.
    """
    return escape if any(ch in text for ch in "&<>\"'") else _as_is


def highlight(text, tokens, folded=None):
    """`text` as safe HTML with every word in `tokens` (normalised words) marked.

    `folded` is `normalise_aligned(text)` when the caller already has it.
    """
    text = unicodedata.normalize("NFC", text or "")
    esc = _escaper(text)
    out, position = [], 0
    for start, end in _spans(normalise_aligned(text) if folded is None else folded, tokens):
        out.append(esc(text[position:start]))
        out.append(f"<mark>{esc(text[start:end])}</mark>")
        position = end
    out.append(esc(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def passage_source(text):
    """The part of a secondary text snippets are taken from, and its normalised copy.

    Search documents store both, so that a search does no text folding for its snippets.
    """
    text = " ".join(unicodedata.normalize("NFC", (text or "")[:SNIPPET_SCAN]).split())
    return text, normalise_aligned(text)


def snippet(text, tokens, length=SNIPPET_LENGTH, folded=None):
    """The passage of `text` around its first matched word, highlighted; "" if none matches.

    With `folded`, `text` and `folded` are what `passage_source` made.
    """
    if folded is None or len(folded) != len(text):
        text, folded = passage_source(text)
    first = next(_spans(folded, tokens), None)
    if first is None:
        return ""
    start = max(0, first[0] - length // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first[0] else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first[1] else end
    passage = highlight(text[start:end], tokens, folded[start:end])
    return mark_safe(("… " if start else "") + passage + (" …" if end < len(text) else ""))  # noqa: S308
