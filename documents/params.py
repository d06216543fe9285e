"""The parameters of a document search, shared by the page, the API and both backends."""

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from documents.models.documents import Validity, number_key, today
from portal.search.text import exact_words, words

MAX_QUERY_WORDS = 20
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
