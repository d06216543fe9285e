"""Vietnamese text folding: one module that search, dialogue and stats share without importing
each other, so each folds text exactly the same way.

The minimal Elasticsearch distribution has no `asciifolding` filter, so folding happens here
and the same mapping runs unchanged on any Elasticsearch 8 cluster.

- `fold()` strips diacritics: "Đăng ký" -> "dang ky".
- `normalise()` is what both search backends index and query: folded, plus the spelling
  variants Vietnamese allows written either way (kí/ký, lí/lý, quí/quý, mĩ/mỹ) made one.
- `fold_aligned()` folds character by character, so that position i of the result is
  position i of the input: the highlighter finds matches in the folded text and marks the
  same span of the original.
- `spelling_variants()` lists the i/y spellings of a folded word, for indexes that hold
  text folded but not normalised.
- `slugify()` makes a page slug: plain ASCII from the folded text, "Khánh thành cầu đi bộ"
  -> "khanh-thanh-cau-di-bo" (Django's own slugify drops đ, Wagtail's admin script drops
  letters with two marks). `folded_letters()` gives the same folding as a table for the
  admin's slug field, which folds as the editor types.
- `collation_key()` sorts in Vietnamese alphabetical order (a ă â b c d đ e ê ...; tones
  compared only when the letters are equal), for the "sort by name" of both backends.
"""

import re
import unicodedata
from functools import lru_cache

# Combining marks (what unicodedata.combining() reports for Latin, Greek, Cyrillic text).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# A syllable-final "y" after a consonant (or "qu") is also written "i": ký/kí, lý/lí, mỹ/mĩ,
# quy/qui. After a vowel ("tuy", "hay", "thủy") it is part of the vowel and stays.
_Y_AFTER_CONSONANT = re.compile(r"\b(qu|[bcdghklmnprstvx]+)y\b")

# Combining marks that make a different letter (ă â ê ô ơ ư) versus the five tones.
_LETTER_MARKS = {"\u0306": "1", "\u0302": "2", "\u031b": "3"}
_TONE_MARKS = {"\u0300": "1", "\u0301": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}


def fold(text):
    """Lower-case `text` and strip Vietnamese diacritics: "Đăng ký" -> "dang ky"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "d")
    return " ".join(_COMBINING.sub("", decomposed).lower().split())


def normalise(text):
    """The searchable form of `text`: folded, with i/y spelling variants made one."""
    return _Y_AFTER_CONSONANT.sub(r"\1i", fold(text))


_I_OR_Y = re.compile(r"^(qu|[bcdghklmnprstvx]+)[iy]$")


def spelling_variants(word):
    """Every way a folded word may be written: "ki" -> ("ki", "ky"); "khai" -> ("khai",).

    For text folded with `fold()` but not `normalise()` (Wagtail's search index of pages
    and answers): a query for "đăng kí" must find "đăng ký" there too.
    """
    match = _I_OR_Y.match(word or "")
    if not match:
        return (word,)
    stem = match.group(1)
    return (stem + "i", stem + "y")


_NOT_SLUG = re.compile(r"[^a-z0-9\s-]")
_SLUG_SEPARATORS = re.compile(r"[\s-]+")


def slugify(text):
    """An ASCII slug of `text`: "Tỉnh Đồng Tháp" -> "tinh-dong-thap"; "" when nothing is left."""
    ascii_text = _NOT_SLUG.sub("", fold(text))
    return _SLUG_SEPARATORS.sub("-", ascii_text).strip("-")


def folded_letters():
    """{ASCII letter: every Latin letter that folds to it}, e.g. "d": "ĎďĐđ", "a": "ÀÁÂ...ặ".

    The admin's slug script cannot call `fold()`, so it gets this table of character classes.
    """
    table = {}
    for code in range(0x00C0, 0x1F00):
        ch = chr(code)
        folded = fold(ch)
        if len(folded) == 1 and folded.isascii() and folded.isalpha() and folded != ch:
            table.setdefault(folded, []).append(ch)
    return {letter: "".join(chars) for letter, chars in sorted(table.items())}


def _fold_char(ch):
    folded = fold(ch) if not ch.isspace() else " "
    return folded if len(folded) == 1 else (folded[:1] or " ")


@lru_cache(maxsize=1)
def _aligned_table():
    """Each Latin character (Vietnamese included) -> its one-character fold."""
    ranges = ((0x0000, 0x0250), (0x1E00, 0x1F00), (0x2000, 0x2070))
    return {code: _fold_char(chr(code)) for start, end in ranges for code in range(start, end)}


def fold_aligned(text):
    """Fold `text` one character at a time (same length as its NFC form).

    Characters outside the Latin ranges are left as they are.
    """
    return unicodedata.normalize("NFC", text or "").translate(_aligned_table())


def normalise_aligned(text):
    """`normalise()` one character at a time: ký -> ki, still the length of the NFC form."""
    return _Y_AFTER_CONSONANT.sub(r"\1i", fold_aligned(text))


@lru_cache(maxsize=4096)
def _collation_parts(ch):
    """(letter key, tone key) of one lower-case character."""
    if ch == "đ":
        return "d1", "0"
    base, *marks = unicodedata.normalize("NFD", ch)
    letter_rank = "".join(_LETTER_MARKS[m] for m in marks if m in _LETTER_MARKS) or "0"
    return base + letter_rank[:1], "".join(_TONE_MARKS[m] for m in marks if m in _TONE_MARKS) or "0"


def collation_key(text):
    """A string whose plain ordering is Vietnamese alphabetical order of `text`."""
    primary, tones = [], []
    for word in unicodedata.normalize("NFC", text or "").lower().split():
        parts = [_collation_parts(ch) for ch in word]
        primary.append("".join(letter for letter, _ in parts))
        tones.append("".join(tone for _, tone in parts))
    # Tones only break ties between names whose letters are all the same.
    return " ".join(primary) + "\x01" + "".join(tones)
