"""Vietnamese text folding, shared by Elasticsearch indexing, queries and the database fallback.

The minimal Elasticsearch distribution has no `asciifolding` filter, so folding happens here
and the same mapping runs unchanged on any Elasticsearch 8 cluster.
"""

import unicodedata

_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text):
    """Lower-case `text` and strip Vietnamese diacritics: "Đăng ký" -> "dang ky"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())
