"""The one result shape both search backends return (pages and the JSON API render it)."""

import math
from dataclasses import dataclass, field

from search.highlight import highlight, snippet
from search.models.procedures import LEVELS, OnlineLevel

FACETS = ("level", "field", "agency", "online")
FACET_SIZE = 50  # buckets per facet, most frequent first


@dataclass
class SearchResponse:
    count: int
    results: list
    facets: dict
    backend: str  # "elasticsearch" or "database"
    page: int = 1
    page_size: int = 20
    fuzzy: bool = False  # words the catalogue lacks were corrected (a lower tier of results)
    corrected_query: str = ""  # the corrected query, shown as "Kết quả cho: …"
    # Elasticsearch failed and the database answered: never cached (page cache, browsers), so
    # visitors get Elasticsearch's answers again as soon as it is back.
    degraded: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.page_size))

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def has_previous(self):
        return self.page > 1

    def as_json(self):
        return {
            "count": self.count,
            "page": self.page,
            "num_pages": self.num_pages,
            "results": [
                {key: value for key, value in hit.items() if not key.endswith("_html")}
                | {"highlight": {"name": hit["name_html"], "snippet": hit["snippet_html"]}}
                for hit in self.results
            ],
            "facets": self.facets,
            "backend": self.backend,
            "corrected_query": self.corrected_query,
        }


def make_hit(
    *, code, name, levels, field, agencies, online_level, body, tokens, url_for, body_folded=None
):
    """One result, with the matched words of its name and of a passage marked.

    `body_folded` is the normalised copy of `body` a search document stores (see
    search.highlight.passage_source); without it the passage is normalised here.
    """
    return {
        "code": code,
        "name": name,
        "levels": [{"code": level, "name": LEVELS.get(level, level)} for level in levels],
        "field": field or "",
        "agency": "; ".join(agencies),
        "agencies": list(agencies),
        "online": {"code": online_level, "name": str(OnlineLevel(online_level).label)},
        "url": url_for(code),
        "name_html": str(highlight(name, tokens)),
        "snippet_html": str(snippet(body, tokens, folded=body_folded)) if tokens else "",
    }


def _label(facet, value):
    if facet == "level":
        return LEVELS.get(value, value)
    if facet == "online":
        return str(OnlineLevel(value).label) if value in OnlineLevel.values else value
    return value


def make_facets(counts, params):
    """{facet: [(value, count), ...]} -> the facet lists, most frequent first, then by value."""
    facets = {}
    for name in FACETS:
        buckets = sorted(counts.get(name, []), key=lambda bucket: (-bucket[1], bucket[0]))
        chosen = getattr(params, name)
        facets[name] = [
            {
                "value": value,
                "label": _label(name, value),
                "count": count,
                "selected": value == chosen,
            }
            for value, count in buckets[:FACET_SIZE]
            if value and count
        ]
    return facets
