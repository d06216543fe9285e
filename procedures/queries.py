"""The procedure search: parameters, the Elasticsearch query builder, and the entry points.

What a query looks for is planned once, in Python, by `procedures.synonyms` (the citizen's words
expanded through the synonym dictionary, filler words dropped, typos corrected against the
catalogue's vocabulary); this module and the database fallback (`procedures.fallback`) translate
the same plan, so both backends match and rank alike:

    exact code · code prefix · every word (or its synonym) somewhere · the typo-corrected
    query's every word · words covered in the name and in the text · the query as a phrase
    in the name 8 · every word in the name 4 · every word with the diacritics typed 2 ·
    that as a phrase 1

then shorter names first, then code (`RELEVANCE_TIES`). A procedure matches
when it contains most of the query's words (see `procedures.synonyms.threshold_for`), never
a single word of several, or when its code starts with the query.
"""

import logging
import math
from dataclasses import dataclass, replace
from functools import cached_property

from django.conf import settings
from elasticsearch_dsl import Q, Search

from portal.search import elastic
from portal.search.text import exact_words, words
from procedures import synonyms
from procedures.results import (
    FACET_SIZE,
    RELEVANCE_TIES,
    SearchResponse,
    make_facets,
    make_hit,
)
from procedures.searchtext import looks_like_code

logger = logging.getLogger(__name__)

MAX_QUERY_WORDS = synonyms.MAX_QUERY_WORDS
AUTOCOMPLETE_SIZE = 8
SORTS = ("relevance", "name", "code")
FACET_FIELDS = {"level": "levels", "field": "field", "agency": "agencies", "online": "online_level"}
RELEVANCE_SORT = [{"_score": "desc"}, *({field: "asc"} for field in RELEVANCE_TIES)]


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    level: str = ""
    field: str = ""
    agency: str = ""
    online: str = ""
    sort: str = ""  # "" = relevance with a query, name without
    page: int = 1
    page_size: int = 20

    @property
    def tokens(self):
        return words(self.q)[:MAX_QUERY_WORDS]

    @cached_property
    def plan(self):
        """What to look for (`procedures.synonyms`); computed once per search."""
        return synonyms.plan_for_tokens(self.tokens) if self.tokens else synonyms.Plan()

    @property
    def highlight_tokens(self):
        """The words to mark in results: as typed, corrected, and every synonym's words."""
        plans = [self.plan, self.plan.corrected] if self.plan.corrected else [self.plan]
        found = dict.fromkeys(self.tokens)
        for plan in plans:
            for alternative in plan.alternatives():
                found.update(dict.fromkeys(alternative))
        return list(found)

    @property
    def corrected_query(self):
        if not self.plan.corrected_words:
            return ""
        from procedures.spelling import display_query

        return display_query(self.q, self.plan.corrected_words)

    @property
    def exact_tokens(self):
        return exact_words(self.q)[:MAX_QUERY_WORDS]

    @property
    def code_prefix(self):
        return self.q.strip().upper() if looks_like_code(self.q) else ""

    @property
    def has_query(self):
        return bool(self.q.strip())

    @property
    def effective_sort(self):
        if self.sort in SORTS and (self.sort != "relevance" or self.has_query):
            return self.sort
        return "relevance" if self.has_query else "name"

    @property
    def offset(self):
        return (self.page - 1) * self.page_size


ES_FIELDS = {"name": "name_folded", "text": "all_folded"}


# The query is written as the plain dicts Elasticsearch reads: building it through
# elasticsearch-dsl's Q objects and `to_dict()` cost about 0.4 ms of CPU per search, a tenth
# of the API's time on top of Elasticsearch's own.


def _bool(**clauses):
    return {"bool": clauses}


def _match_all_words(field, text):
    return {"match": {field: {"query": text, "operator": "and"}}}


def _phrase(field, text):
    return {"match_phrase": {field: text}}


def _constant(query, boost):
    return {"constant_score": {"filter": query, "boost": boost}}


def es_condition(condition):
    """A `procedures.synonyms` condition as an Elasticsearch query."""
    if isinstance(condition, synonyms.Every):
        return _bool(filter=[es_condition(part) for part in condition.parts])
    if isinstance(condition, synonyms.Covers):
        return es_covers(condition)
    field = ES_FIELDS[condition.field]
    # The words as typed match anywhere in the text (as they always did); in the name, and
    # for a synonym, a phrase.
    anywhere = condition.concept.typed if condition.field == "text" else None
    alternatives = [
        _match_all_words(field, " ".join(alt))
        if alt == anywhere or len(alt) == 1
        else _phrase(field, " ".join(alt))
        for alt in condition.concept.alternatives
    ]
    if len(alternatives) == 1:
        return alternatives[0]
    return _bool(should=alternatives, minimum_should_match=1)


def es_covers(condition):
    """Concepts covering at least `threshold` of the query's words, in the cheapest form.

    Every concept needed: a conjunction, which Lucene answers by leap-frogging its rarest
    term. Concepts of one weight: each listed once, minimum_should_match in concepts. Mixed
    weights: a concept covering n words is listed n times, so minimum_should_match counts
    words (Lucene then evaluates such a concept n times).
    """
    concepts = condition.concepts
    contains = [es_condition(synonyms.Contains(concept, "text")) for concept in concepts]
    total = sum(concept.weight for concept in concepts)
    if condition.threshold >= total:
        return contains[0] if len(contains) == 1 else _bool(filter=contains)
    weights = {concept.weight for concept in concepts}
    if len(weights) == 1:
        needed = math.ceil(condition.threshold / weights.pop())
        return _bool(should=contains, minimum_should_match=needed)
    clauses = [
        clause
        for concept, clause in zip(concepts, contains, strict=True)
        for _ in range(concept.weight)
    ]
    return _bool(should=clauses, minimum_should_match=condition.threshold)


class ProcedureQuery:
    """Builds and runs one Elasticsearch search; one method per part of the query."""

    def __init__(self, params, url_for):
        self.params = params
        self.url_for = url_for

    def match_text(self):
        """Which documents match: most of the words (typos corrected too) or a code prefix."""
        p = self.params
        if not p.has_query:
            return {"match_all": {}}
        clauses = [es_condition(rule) for rule in synonyms.match_rules(p.plan)]
        if p.code_prefix:
            clauses.append({"prefix": {"code": p.code_prefix}})
        return _bool(should=clauses, minimum_should_match=1) if clauses else {"match_none": {}}

    def rank_text(self):
        """The scoring tiers (constant scores; see the module's docstring)."""
        p = self.params
        tiers = []
        if p.code_prefix:
            tiers += [
                ({"term": {"code": p.code_prefix}}, synonyms.CODE_EXACT),
                ({"prefix": {"code": p.code_prefix}}, synonyms.CODE_PREFIX),
            ]
        tiers += [
            (es_condition(condition), points) for condition, points in synonyms.scoring(p.plan)
        ]
        if p.tokens:
            text = " ".join(p.tokens)
            tiers += [
                (_phrase("name_folded", text), 8),
                (_match_all_words("name_folded", text), 4),
            ]
        if p.exact_tokens:
            exact = " ".join(p.exact_tokens)
            tiers += [
                (_match_all_words("name", exact), 2),
                (_phrase("name", exact), 1),
            ]
        return [_constant(query, boost) for query, boost in tiers]

    def filter_level(self):
        return {"term": {"levels": self.params.level}} if self.params.level else None

    def filter_field(self):
        return {"term": {"field": self.params.field}} if self.params.field else None

    def filter_agency(self):
        return {"term": {"agencies": self.params.agency}} if self.params.agency else None

    def filter_online(self):
        return {"term": {"online_level": self.params.online}} if self.params.online else None

    def filters(self):
        found = [
            self.filter_level(),
            self.filter_field(),
            self.filter_agency(),
            self.filter_online(),
        ]
        return [query for query in found if query is not None]

    def sorting(self):
        tail = [{"name_sort": "asc"}, {"code": "asc"}]
        sort = self.params.effective_sort
        if sort == "code":
            return [{"code": "asc"}]
        if sort == "name":
            return tail
        return RELEVANCE_SORT

    def shown_fields(self):
        """With a query, the whole stored _source: what a hit shows, its passage included,
        plus three small fields; returning it as stored spares Elasticsearch parsing and
        filtering each hit (0.3 ms a search). Without one, no passage: the rest only."""
        if self.params.tokens:
            return True
        return ["code", "name", "levels", "field", "agencies", "online_level"]

    def aggregations(self):
        return {
            name: {"terms": {"field": field, "size": FACET_SIZE}}
            for name, field in FACET_FIELDS.items()
        }

    def build(self):
        """The request body."""
        p = self.params
        query = _bool(filter=[self.match_text(), *self.filters()])
        ranking = self.rank_text()
        if ranking:
            query["bool"]["should"] = ranking
        return {
            "query": query,
            "aggs": self.aggregations(),
            "sort": self.sorting(),
            "track_total_hits": True,
            "size": p.page_size,
            "from": p.offset,
            "_source": self.shown_fields(),
        }

    def execute(self):
        # The raw response: elasticsearch-dsl's attribute wrappers cost more than the search.
        response = elastic.search(_alias(), self.build())
        tokens = self.params.highlight_tokens
        hits = [
            make_hit(
                code=source["code"],
                name=source["name"],
                levels=source.get("levels") or [],
                field=source.get("field") or "",
                agencies=source.get("agencies") or [],
                online_level=source["online_level"],
                body=source.get("body", ""),
                body_folded=source.get("body_folded"),
                tokens=tokens,
                url_for=self.url_for,
            )
            for source in (hit["_source"] for hit in response["hits"]["hits"])
        ]
        counts = {
            name: [(bucket["key"], bucket["doc_count"]) for bucket in aggregation["buckets"]]
            for name, aggregation in response["aggregations"].items()
        }
        return SearchResponse(
            count=response["hits"]["total"]["value"],
            results=hits,
            facets=make_facets(counts, self.params),
            backend="elasticsearch",
            page=self.params.page,
            page_size=self.params.page_size,
            fuzzy=bool(self.params.plan.corrected_words),
            corrected_query=self.params.corrected_query,
        )


def _alias():
    from procedures.indexing import alias_name

    return alias_name()


def search_procedures(params, url_for):
    """Search Elasticsearch when configured; the database answers when it is not or fails."""
    from procedures.fallback import DatabaseProcedureQuery

    params = replace(params, page_size=params.page_size or settings.PROCEDURE_PAGE_SIZE)
    return elastic.search_or_fallback(
        ProcedureQuery(params, url_for).execute,
        DatabaseProcedureQuery(params, url_for).execute,
        "procedures",
    )


def autocomplete_query(q):
    """Names whose words start as typed (the last word may be partial), names with a synonym
    of the words (`synonyms.autocomplete_concepts`), and code prefixes."""
    tokens = words(q)[:MAX_QUERY_WORDS]
    code = q.strip().upper() if looks_like_code(q) else ""
    expanded = synonyms.autocomplete_concepts(tokens) if tokens and not code else None
    clauses = []
    if tokens:
        text = " ".join(tokens)
        prefix = Q("match_bool_prefix", name_folded={"query": text, "operator": "and"})
        in_order = Q("match_phrase_prefix", name_folded={"query": text})
        clauses.append(Q("constant_score", filter=prefix, boost=1))
        clauses.append(Q("constant_score", filter=in_order, boost=2))
    if expanded:
        concepts, partial = expanded
        parts = [es_condition(synonyms.Contains(c, "name")) for c in concepts[:-1]]
        last = concepts[-1]
        if partial:
            parts.append(Q("match_bool_prefix", name_folded=last.typed[0]))
        else:
            parts.append(es_condition(synonyms.Contains(last, "name")))
        clauses.append(Q("constant_score", filter=Q("bool", filter=parts), boost=1))
    if code:
        clauses.append(Q("constant_score", filter=Q("prefix", code=code), boost=16))
    return clauses, tokens, code, expanded


def autocomplete(q):
    """Up to 8 suggestions [{"code", "name"}] and the backend that gave them."""
    from procedures.fallback import database_autocomplete
    from procedures.indexing import ES_ERRORS

    clauses, tokens, code, expanded = autocomplete_query(q)
    if not clauses:
        return [], "database" if not elastic.is_configured() else "elasticsearch"
    if elastic.is_configured():
        try:
            search = (
                Search(using=elastic.get_client(), index=_alias())
                .query(Q("bool", should=clauses, minimum_should_match=1))
                .sort(*RELEVANCE_SORT)
                .source(["code", "name"])
                .extra(size=AUTOCOMPLETE_SIZE)
            )
            return [
                {"code": h.code, "name": h.name} for h in search.execute().hits
            ], "elasticsearch"
        except ES_ERRORS as error:
            logger.warning("Elasticsearch autocomplete failed, using the database: %s", error)
    return database_autocomplete(tokens, code, AUTOCOMPLETE_SIZE, expanded), "database"
