"""The parameters of a document search, shared by the page, the API and both backends.

What the words look for (`concepts`) is planned once, here, by the synonym dictionary the
procedure directory and the site search use (`procedures.synonyms`, edited in the admin):
"sổ đỏ" also finds "giấy chứng nhận quyền sử dụng đất", "UBND" "Ủy ban nhân dân", filler
words ("thủ tục", "như thế nào") are dropped. Both backends translate the same concepts
(documents/queries.py, documents/fallback.py), so they still give the same results. Typos
are not corrected: the corrections come from the procedure catalogue's vocabulary, not from
the documents'. A number ("15/2024/QĐ-UBND") is a symbol, not words: its letters are not
expanded, so a number lookup finds what it always found.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cached_property

from documents.models.documents import Validity, number_key, today
from portal.search.text import exact_words, words
from procedures import synonyms

MAX_QUERY_WORDS = synonyms.MAX_QUERY_WORDS
SORTS = ("relevance", "date")
FACETS = ("type", "issuer", "field", "year", "status")
FACET_SIZE = 50


@dataclass(frozen=True)
class DocumentSearchParams:
    q: str = ""
    type: str = ""
    issuer: str = ""
    field: str = ""
    year: str = ""
    status: str = ""
    sort: str = ""  # "" = relevance with a query, newest first without
    page: int = 1
    page_size: int = 20
    day: object = dataclass_field(default_factory=today)  # validity is judged on this day

    @property
    def tokens(self):
        return words(self.q)[:MAX_QUERY_WORDS]

    @cached_property
    def concepts(self):
        """The `procedures.synonyms` concepts every matching document contains: for each,
        the words as typed (anywhere) or one of its synonyms (as a phrase)."""
        tokens = self.tokens
        if not tokens:
            return ()
        if self.number_prefix:
            return tuple(synonyms.Concept((token,), ((token,),)) for token in tokens)
        return synonyms.plan_for_tokens(tokens, correct=False).concepts

    @property
    def highlight_tokens(self):
        """The words to mark in results: as typed and every synonym's words."""
        found = dict.fromkeys(self.tokens)
        for concept in self.concepts:
            for alternative in concept.alternatives:
                found.update(dict.fromkeys(alternative))
        return list(found)

    @property
    def exact_tokens(self):
        return exact_words(self.q)[:MAX_QUERY_WORDS]

    @property
    def number_prefix(self):
        """`61/2018` and `15/2024/QĐ-UBND` are numbers: looked up by prefix of the number."""
        text = self.q.strip()
        if "/" in text and any(ch.isdigit() for ch in text) and len(text.split()) == 1:
            return number_key(text)
        return ""

    @property
    def has_query(self):
        return bool(self.q.strip())

    @property
    def effective_sort(self):
        if self.sort == "date" or not self.has_query:
            return "date"
        return "relevance"

    @property
    def offset(self):
        return (self.page - 1) * self.page_size


STATUSES = [status.value for status in Validity]


def sort_links():
    from django.utils.translation import gettext as _

    return (("relevance", _("Phù hợp nhất")), ("date", _("Mới nhất")))
