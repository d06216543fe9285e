"""Marking the words a query matched, in the text as written (with its diacritics).

Elasticsearch's core cannot highlight the original text from folded tokens (that needs a
folding token filter), so both backends highlight here: the text is folded character by
character (`fold_aligned`), the query's words are found in the folded copy, and the same
spans of the original are wrapped in <mark>. Everything else is HTML-escaped.
"""

import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.searchtext import WORD, spelling
from search.vietnamese import fold_aligned

SNIPPET_LENGTH = 220
SNIPPET_SCAN = 1500  # characters of the secondary text searched for a passage


def _spans(text, tokens, prefix=""):
    wanted = set(tokens)
    for match in WORD.finditer(fold_aligned(text)):
        word = spelling(match.group(0))
        if word in wanted or (prefix and word.startswith(prefix)):
            yield match.start(), match.end()


def highlight(text, tokens, prefix=""):
    """`text` as safe HTML with every word in `tokens` (normalised words) marked."""
    text = unicodedata.normalize("NFC", text or "")
    out, position = [], 0
    for start, end in _spans(text, tokens, prefix):
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def snippet(text, tokens, length=SNIPPET_LENGTH):
    """The passage of `text` around its first matched word, highlighted; "" if none matches."""
    text = " ".join(unicodedata.normalize("NFC", (text or "")[:SNIPPET_SCAN]).split())
    first = next(_spans(text, tokens), None)
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
    passage = highlight(text[start:end], tokens)
    return mark_safe(("… " if start else "") + passage + (" …" if end < len(text) else ""))  # noqa: S308
