"""The words a query and a document are split into, in the one form both search backends use
(procedures and documents alike).

Elasticsearch's `standard` tokenizer and `words()` below split text the same way for the text
we have (letters and digits, "1.000178" and "mus08.docx" kept whole), so the database
fallback matches whole words just as Elasticsearch matches tokens. Database columns hold the
words padded with spaces (" dang ki khai sinh "), so `contains(" ki ")` is a word match.
"""

import re
import unicodedata
from functools import lru_cache

from portal.vietnamese import fold, normalise

WORD = re.compile(r"\w+(?:[.'’]\w+|(?<=\d),(?=\d)\w+)*")


def words(text):
    """The search words of `text`: folded, spelling-normalised, split like `standard`."""
    return [spelling(word) for word in WORD.findall(fold(text))]


@lru_cache(maxsize=65536)
def spelling(word):
    """One folded word with its i/y spelling normalised ("ky" -> "ki")."""
    return normalise(word)


def exact_words(text):
    """The words of `text` with their diacritics, lower-cased (Elasticsearch's `name`)."""
    return WORD.findall(unicodedata.normalize("NFC", text or "").lower())


def padded(tokens):
    return " " + " ".join(tokens) + " " if tokens else " "
