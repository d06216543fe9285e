"""A procedure as one hit of the result shape (`portal.search.response.SearchResponse`) both
search backends return, the facets beside it, and how both order results of equal relevance."""

from functools import lru_cache

from django.utils.translation import get_language

from portal.search.highlight import highlight, snippet
from portal.search.response import SearchResponse
from procedures.models.procedures import LEVELS, OnlineLevel

__all__ = [
    "FACETS",
    "FACET_SIZE",
    "RELEVANCE_TIES",
    "SearchResponse",
    "make_facets",
    "make_hit",
]

FACETS = ("level", "field", "agency", "online")
FACET_SIZE = 50  # buckets per facet, most frequent first
# Results of equal relevance: shorter names first, then by code. The Vietnamese alphabetical
# order (`name_sort`) is for "sort by name" only: its keys average 258 characters, and
# sorting on them made up a third of Elasticsearch's time per search (`took` p50 4 -> 3 ms,
# the round trip 1.2 ms shorter; bench/procedures.py). Both backends break ties alike.
RELEVANCE_TIES = ("name_length", "code")


def make_hit(
    *, code, name, levels, field, agencies, online_level, body, tokens, url_for, body_folded=None
):
    """One result, with the matched words of its name and of a passage marked.

    `body_folded` is the normalised copy of `body` a search document stores (see
    portal.search.highlight.passage_source); without it the passage is normalised here.
    """
    return {
        "code": code,
        "name": name,
        "levels": [{"code": level, "name": LEVELS.get(level, level)} for level in levels],
        "field": field or "",
        "agency": "; ".join(agencies),
        "agencies": list(agencies),
        "online": {"code": online_level, "name": _online_label(online_level, get_language())},
        "url": url_for(code),
        "name_html": str(highlight(name, tokens)),
        "snippet_html": str(snippet(body, tokens, folded=body_folded)) if tokens else "",
    }


@lru_cache(maxsize=32)
def _online_label(value, language):
    """The label of an online level in `language` (translations never change while running;
    a search asks for twenty of them)."""
    return str(OnlineLevel(value).label)


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
