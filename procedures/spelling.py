"""Typo correction of search words against the catalogue's own vocabulary.

A word the catalogue does not contain (after folding: "khia", "hoon", "thuongg") is replaced
by the closest word it does contain, at most one edit away for words of up to five letters
and two for longer ones; among equally close words the most frequent wins. Words of fewer
than three letters, words with digits and words the synonym dictionary knows are left alone.

Why rapidfuzz and not Elasticsearch's `fuzziness` or PostgreSQL's pg_trgm: a correction made
here is the same on Elasticsearch, PostgreSQL and SQLite, so the backends keep answering
alike, and it names the corrected words, which the page shows ("Kết quả cho: …").
Trigram similarity is weak on Vietnamese syllables of three or four letters (one typo
leaves few trigrams in common), and `fuzziness` would only say that something matched.
rapidfuzz computes the edit distances in C++: ~10,000 words in about a millisecond.
symspellpy would be faster per lookup but precomputes every deletion of every word
(hundreds of thousands of entries to rebuild whenever the catalogue changes).
"""

import threading
import time
from collections import Counter

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from portal.search.text import exact_words, words

MIN_LENGTH = 3
REFRESH_SECONDS = 300
_lock = threading.Lock()
_cached = {"vocabulary": None, "expires": 0.0}


class Vocabulary:
    def __init__(self, frequencies, display):
        self.frequencies = frequencies  # folded word -> how many procedures contain it
        self.display = display  # folded word -> the spelling most used in names
        self.choices = list(frequencies)

    def __contains__(self, word):
        return word in self.frequencies

    def closest(self, word):
        limit = 1 if len(word) <= 5 else 2
        found = process.extract(
            word, self.choices, scorer=Levenshtein.distance, score_cutoff=limit, limit=None
        )
        if not found:
            return None
        best = min(found, key=lambda item: (item[1], -self.frequencies[item[0]], item[0]))
        return best[0]


def build():
    from procedures.models import Procedure

    frequencies, spellings = Counter(), {}
    rows = Procedure.objects.values_list("name", "search_text").iterator(chunk_size=2000)
    for name, search_text in rows:
        frequencies.update(set(search_text.split()))
        typed = exact_words(name)
        folded = words(name)
        if len(typed) == len(folded):
            for plain, written in zip(folded, typed, strict=True):
                spellings.setdefault(plain, Counter())[written] += 1
    display = {plain: counts.most_common(1)[0][0] for plain, counts in spellings.items()}
    return Vocabulary(frequencies, display)


def vocabulary():
    now = time.monotonic()
    found = _cached["vocabulary"]
    if found is not None and now < _cached["expires"]:
        return found
    with _lock:
        found = build()
        _cached.update(vocabulary=found, expires=now + REFRESH_SECONDS)
        return found


def forget(**kwargs):
    _cached.update(vocabulary=None, expires=0.0)


def correctable(word):
    return len(word) >= MIN_LENGTH and not any(ch.isdigit() for ch in word)


def corrections(tokens):
    """{typed word: corrected word} for the words of `tokens` the catalogue lacks."""
    candidates = [token for token in dict.fromkeys(tokens) if correctable(token)]
    if not candidates:
        return {}
    known = vocabulary()
    if not known.choices:
        return {}
    changes = {}
    for token in candidates:
        if token in known:
            continue
        best = known.closest(token)
        if best:
            changes[token] = best
    return changes


def display_query(query, changes):
    """The query as the visitor typed it, with corrected words in their usual spelling."""
    typed = exact_words(query)
    folded = words(query)
    known = vocabulary()
    if len(typed) != len(folded):
        typed = folded
    shown = [
        known.display.get(changes[plain], changes[plain]) if plain in changes else written
        for plain, written in zip(folded, typed, strict=True)
    ]
    return " ".join(shown)
