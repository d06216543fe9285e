"""Query expansion: the one place where a citizen's words become what both backends look for.

`plan(query)` turns the query into *concepts*: a run of the query's words that the synonym
dictionary (`procedures.models.SearchSynonym`, edited in the admin) knows becomes one concept
whose alternatives are the words as typed plus every equivalent or expansion ("so hong" ->
"so hong" | "giay chung nhan quyen so huu nha o" | ...); every other word is a concept of
its own. Filler words ("thủ tục", "làm", "xin", "như thế nào"...) are left out of the
concepts. The Elasticsearch query builder (`procedures.queries`) and the database fallback
(`procedures.fallback`) both translate the same plan, so they match and rank alike:

- a procedure matches when the concepts it contains cover at least `threshold` of the
  query's words (all of them for one or two words; otherwise 60 %, never fewer than two:
  a long question often carries words no procedure has, and the tiers below put the
  procedures with the most words first);
- it ranks first when it contains every concept, then by how many it contains in its name
  and in its text;
- typos are a lower tier: words the catalogue does not know are corrected against its
  vocabulary (`procedures.spelling`) and the corrected plan matches too, ranked below every
  procedure matching all the words as typed.

Expansion is one step: a -> b and b -> a loop nowhere, because the alternatives of a concept
are never expanded again. Sizes are bounded (words, alternatives per concept, alternatives
in all) so a long query or a huge dictionary cannot make an unbounded Elasticsearch query.
"""

import math
import threading
import time
from dataclasses import dataclass, field

from portal.search.text import words

MAX_QUERY_WORDS = 20
MAX_PHRASE_WORDS = 8  # the longest dictionary term that is looked for in a query
MAX_ALTERNATIVES = 8  # per concept, the words as typed included
MAX_TOTAL_ALTERNATIVES = 40  # per query
MAX_WEIGHT = 3  # a concept counts for at most this many of the query's words
RELAXED_SHARE = 0.6
REFRESH_SECONDS = 10  # other processes see an edit within this; this process at once


@dataclass(frozen=True)
class Concept:
    typed: tuple  # the query's words it stands for
    alternatives: tuple  # phrases (tuples of words) any of which matches; `typed` first

    @property
    def weight(self):
        return min(len(self.typed), MAX_WEIGHT)


@dataclass(frozen=True)
class Plan:
    concepts: tuple = ()
    threshold: int = 0
    corrected: "Plan | None" = None  # the plan of the typo-corrected query, if any word was
    corrected_words: dict = field(default_factory=dict)  # typed word -> corrected word

    @property
    def total_weight(self):
        return sum(concept.weight for concept in self.concepts)

    def alternatives(self):
        return [alt for concept in self.concepts for alt in concept.alternatives]


@dataclass(frozen=True)
class Dictionary:
    """The enabled entries, compiled: phrase (tuple of words) -> alternatives, and fillers."""

    alternatives: dict
    fillers: frozenset
    longest: int

    def known_at(self, tokens, start):
        """Every known phrase starting at `start`: [(length, alternatives, is_filler)]."""
        found = []
        for length in range(min(self.longest, len(tokens) - start), 0, -1):
            phrase = tuple(tokens[start : start + length])
            if phrase in self.alternatives:
                found.append((length, self.alternatives[phrase], False))
            elif phrase in self.fillers:
                found.append((length, (), True))
        return found

    def segment(self, tokens):
        """Split `tokens` into known phrases and single words: [(words, alternatives, filler)].

        The split covers as many words with known phrases as possible, then uses as few
        pieces as possible ("đăng ký | hộ kinh doanh cá thể", not "đăng ký hộ kinh doanh |
        cá | thể"); dynamic programming over at most 20 words.
        """
        count = len(tokens)
        best = [None] * (count + 1)  # best[i]: ((covered, -pieces), pieces) for tokens[i:]
        best[count] = ((0, 0), [])
        for start in range(count - 1, -1, -1):
            # Known phrases first, longest first: on a tie the earlier phrase is the longer
            # ("khai sinh | con", not "khai | sinh con").
            options = [*self.known_at(tokens, start), (1, (), False)]
            for length, alternatives, is_filler in options:
                (covered, pieces), rest = best[start + length]
                known = length if (alternatives or is_filler) else 0
                score = (covered + known, pieces - 1)
                if best[start] is None or score > best[start][0]:
                    piece = (tuple(tokens[start : start + length]), alternatives, is_filler)
                    best[start] = (score, [piece, *rest])
        return best[0][1]


def compile_entries(entries):
    """`entries`: (kind, terms, expansions) with the terms as lists of strings."""
    from procedures.models.synonyms import MAX_EXPANSION_WORDS, MAX_TERM_WORDS, SynonymKind

    alternatives, fillers = {}, set()

    def phrase(text, most=MAX_TERM_WORDS):
        found = tuple(words(text)[:most])
        return found or None

    for kind, terms, expansions in entries:
        phrases = [p for p in map(phrase, terms) if p]
        if kind == SynonymKind.FILLER:
            fillers.update(phrases)
            continue
        if kind == SynonymKind.EQUIVALENT:
            targets = phrases
        else:
            targets = [p for p in (phrase(e, MAX_EXPANSION_WORDS) for e in expansions) if p]
        for source in phrases:
            known = alternatives.setdefault(source, [source])
            known.extend(t for t in targets if t not in known)
    compiled = {key: tuple(value[:MAX_ALTERNATIVES]) for key, value in alternatives.items()}
    longest = max((len(p) for p in [*compiled, *fillers]), default=1)
    return Dictionary(compiled, frozenset(fillers), longest)


_lock = threading.Lock()
_cached = {"dictionary": None, "expires": 0.0}


def dictionary():
    """The compiled dictionary of this process, re-read at most every REFRESH_SECONDS."""
    now = time.monotonic()
    found = _cached["dictionary"]
    if found is not None and now < _cached["expires"]:
        return found
    with _lock:
        from procedures.models.synonyms import SearchSynonym

        rows = SearchSynonym.objects.filter(enabled=True).values_list("kind", "terms", "expansions")
        from procedures.models.synonyms import split_terms

        found = compile_entries(
            (kind, split_terms(terms), split_terms(expansions)) for kind, terms, expansions in rows
        )
        _cached.update(dictionary=found, expires=now + REFRESH_SECONDS)
        return found


def forget(**kwargs):
    """Drop this process's copy (a synonym was saved or deleted)."""
    _cached.update(dictionary=None, expires=0.0)


def threshold_for(total_weight):
    """How many of the query's words a match must cover: "most", never a single word."""
    if total_weight <= 2:
        return total_weight
    return max(2, math.ceil(RELAXED_SHARE * total_weight))


def concepts_for(tokens, known):
    """The content concepts of `tokens` (fillers dropped unless the query is only filler)."""
    concepts, fillers = [], []
    for typed, alternatives, is_filler in known.segment(tokens):
        if is_filler:
            fillers.append(Concept(typed, (typed,)))
        else:
            concepts.append(Concept(typed, alternatives or (typed,)))
    if not concepts:  # a query of filler words only: search for them as they are
        concepts = fillers
    return _bounded(concepts)


def _bounded(concepts):
    """At most MAX_TOTAL_ALTERNATIVES alternatives in all: later concepts keep fewer."""
    budget = MAX_TOTAL_ALTERNATIVES
    bounded = []
    for index, concept in enumerate(concepts):
        keep = max(1, min(len(concept.alternatives), budget - (len(concepts) - index - 1)))
        bounded.append(Concept(concept.typed, concept.alternatives[:keep]))
        budget -= keep
    return tuple(bounded)


def plan_for_tokens(tokens, known=None, correct=True):
    from procedures import spelling

    known = known or dictionary()
    tokens = list(tokens)[:MAX_QUERY_WORDS]
    concepts = concepts_for(tokens, known)
    total = sum(concept.weight for concept in concepts)
    corrected, changes = None, {}
    if correct and concepts:
        dictionary_words = {
            w for concept in concepts if len(concept.alternatives) > 1 for w in concept.typed
        }
        changes = spelling.corrections(
            [t for concept in concepts for t in concept.typed if t not in dictionary_words]
        )
        if changes:
            fixed = [changes.get(token, token) for token in tokens]
            corrected = plan_for_tokens(fixed, known, correct=False)
    return Plan(tuple(concepts), threshold_for(total), corrected, changes)


def plan(query):
    """The search plan of a query string."""
    return plan_for_tokens(words(query))


def autocomplete_concepts(tokens):
    """The concepts of an autocomplete query when the dictionary knows one of its words.

    (concepts, partial): `partial` when the last concept is the last word as typed (a word
    the visitor may still be typing: a prefix). None when no synonym applies, so the
    suggestions are what the words as typed find.
    """
    tokens = list(tokens)[:MAX_QUERY_WORDS]
    concepts = concepts_for(tokens, dictionary()) if tokens else ()
    if not any(len(concept.alternatives) > 1 for concept in concepts):
        return None
    last = concepts[-1]
    return concepts, len(last.alternatives) == 1 and last.typed == tuple(tokens[-1:])


# --- What both backends translate: conditions, the match rule, the scoring tiers -----------

CODE_EXACT, CODE_PREFIX = 10_000, 5_000
ALL_WORDS = 1_000  # every concept somewhere: above any partial match
CORRECTED_ALL_WORDS = 500  # every concept of the typo-corrected query
NAME_WORD, TEXT_WORD = 10, 5  # per word covered, in the name / anywhere
TYPED_NAME_WORD = 2  # per word found in the name as typed rather than through a synonym
CORRECTED_NAME_WORD = 3


@dataclass(frozen=True)
class Contains:
    """Any alternative of `concept` in `field`: "name" (folded name) or "text" (everything)."""

    concept: Concept
    field: str


@dataclass(frozen=True)
class Every:
    parts: tuple


@dataclass(frozen=True)
class Covers:
    """The concepts found in the text cover at least `threshold` of the query's words."""

    concepts: tuple
    threshold: int


def match_rules(plan):
    """What a procedure must satisfy (any one of these), besides a code prefix."""
    rules = []
    for candidate in (plan, plan.corrected):
        if candidate is not None and candidate.concepts:
            rules.append(Covers(candidate.concepts, candidate.threshold))
    return rules


def scoring(plan):
    """(condition, points) tiers; a procedure's score is the sum of those it meets."""
    tiers = []
    if plan.concepts:
        tiers.append((Every(tuple(Contains(c, "text") for c in plan.concepts)), ALL_WORDS))
        for concept in plan.concepts:
            tiers.append((Contains(concept, "name"), NAME_WORD * concept.weight))
            tiers.append((Contains(concept, "text"), TEXT_WORD * concept.weight))
            if len(concept.alternatives) > 1:
                as_typed = Concept(concept.typed, (concept.typed,))
                tiers.append((Contains(as_typed, "name"), TYPED_NAME_WORD * concept.weight))
    corrected = plan.corrected
    if corrected is not None and corrected.concepts:
        every = Every(tuple(Contains(c, "text") for c in corrected.concepts))
        tiers.append((every, CORRECTED_ALL_WORDS))
        for concept in corrected.concepts:
            if concept not in plan.concepts:
                tiers.append((Contains(concept, "name"), CORRECTED_NAME_WORD * concept.weight))
    return tiers
