"""The document search on Elasticsearch, and the entry point that falls back to the database.

Ranking, the same on both backends (documents/fallback.py mirrors each method):

    number exactly 32 · number prefix 16 · the query as a phrase in the excerpt 8 ·
    every word (or its synonym) in the excerpt 4 · every word with the diacritics typed 2

then newest issue date first, then newest page. Every word, or a synonym of it from the
dictionary (the concepts of `DocumentSearchParams.concepts`), must match somewhere in the
searchable text (number, excerpt, type, issuer, field, signer, summary, full text, and the
text of attached PDF/DOCX files), or the query must be a number prefix (`61/2018`).
"""

from dataclasses import replace

from django.conf import settings
from elasticsearch_dsl import Q, Search

from documents.models.documents import Validity
from documents.params import FACET_SIZE
from documents.results import make_facets, make_hit
from portal.search import elastic
from portal.search.response import SearchResponse


def validity_filters(day):
    """Validity on `day`: one Q per status (the facet and the filter), each the lookup of the
    day in that status's stored period (search_document.py, `validity_periods`)."""
    today = day.isoformat()
    return {status: Q("term", **{f"validity.{status.value}": today}) for status in Validity}


def contains(concept, field):
    """A `procedures.synonyms` concept in `field`: its words as typed anywhere, or one of its
    synonyms as a phrase (documents.fallback.contains is the database twin)."""
    alternatives = [
        Q("match", **{field: {"query": " ".join(alternative), "operator": "and"}})
        if alternative == concept.typed
        else Q("match_phrase", **{field: " ".join(alternative)})
        for alternative in concept.alternatives
    ]
    if len(alternatives) == 1:
        return alternatives[0]
    return Q("bool", should=alternatives, minimum_should_match=1)


def every_concept(concepts, field):
    return Q("bool", filter=[contains(concept, field) for concept in concepts])


class DocumentQuery:
    """Builds and runs one Elasticsearch search; one method per part of the query."""

    def __init__(self, params, url_for):
        self.params = params
        self.url_for = url_for

    def match_text(self):
        p = self.params
        if not p.has_query:
            return Q("match_all")
        clauses = []
        if p.concepts:
            clauses.append(every_concept(p.concepts, "all_folded"))
        if p.number_prefix:
            clauses.append(Q("prefix", number_key=p.number_prefix))
        return Q("bool", should=clauses, minimum_should_match=1) if clauses else ~Q("match_all")

    def rank_text(self):
        p = self.params
        tiers = []
        if p.number_prefix:
            tiers += [
                (Q("term", number_key=p.number_prefix), 32),
                (Q("prefix", number_key=p.number_prefix), 16),
            ]
        if p.tokens:
            tiers.append((Q("match_phrase", title_folded=" ".join(p.tokens)), 8))
        if p.concepts:
            tiers.append((every_concept(p.concepts, "title_folded"), 4))
        if p.exact_tokens:
            tiers.append(
                (Q("match", title={"query": " ".join(p.exact_tokens), "operator": "and"}), 2)
            )
        return [Q("constant_score", filter=query, boost=boost) for query, boost in tiers]

    def filter_type(self):
        return Q("term", document_type=self.params.type) if self.params.type else None

    def filter_issuer(self):
        return Q("term", issuer=self.params.issuer) if self.params.issuer else None

    def filter_field(self):
        return Q("term", field=self.params.field) if self.params.field else None

    def filter_year(self):
        return Q("term", year=self.params.year) if self.params.year else None

    def filter_status(self):
        status = self.params.status
        return validity_filters(self.params.day)[Validity(status)] if status else None

    def filters(self):
        found = [
            self.filter_type(),
            self.filter_issuer(),
            self.filter_field(),
            self.filter_year(),
            self.filter_status(),
        ]
        return [query for query in found if query is not None]

    def sorting(self):
        newest = [{"issue_date": "desc"}, {"page_id": "desc"}]
        if self.params.effective_sort == "date":
            return newest
        return [{"_score": "desc"}, *newest]

    def build(self):
        p = self.params
        query = Q("bool", filter=[self.match_text(), *self.filters()], should=self.rank_text())
        search = (
            Search()
            .query(query)
            .sort(*self.sorting())
            .extra(track_total_hits=True, from_=p.offset, size=p.page_size)
            .source(
                [
                    "page_id",
                    "number",
                    "title",
                    "slug",
                    "document_type",
                    "issuer",
                    "field",
                    "issue_date",
                    "in_force_from",
                    "expiry_date",
                    "ended_on",
                    "ended_kind",
                ]
            )
        )
        search.aggs.bucket("type", "terms", field="document_type", size=FACET_SIZE)
        search.aggs.bucket("issuer", "terms", field="issuer", size=FACET_SIZE)
        search.aggs.bucket("field", "terms", field="field", size=FACET_SIZE)
        # The newest years, as the database lists them (not Elasticsearch's most frequent).
        search.aggs.bucket("year", "terms", field="year", size=FACET_SIZE, order={"_key": "desc"})
        search.aggs.bucket(
            "status",
            "filters",
            filters={str(k.value): q.to_dict() for k, q in validity_filters(p.day).items()},
        )
        return search

    def execute(self):
        response = elastic.search(_alias(), self.build().to_dict())
        p = self.params
        hits = [
            make_hit({**source, "id": source["page_id"]}, self.url_for, p.day)
            for source in (hit["_source"] for hit in response["hits"]["hits"])
        ]
        aggregations = response["aggregations"]
        counts = {
            name: [(b["key"], b["doc_count"]) for b in aggregations[name]["buckets"]]
            for name in ("type", "issuer", "field", "year")
        }
        counts["status"] = [
            (key, bucket["doc_count"]) for key, bucket in aggregations["status"]["buckets"].items()
        ]
        return SearchResponse(
            count=response["hits"]["total"]["value"],
            results=hits,
            facets=make_facets(counts, p),
            backend="elasticsearch",
            page=p.page,
            page_size=p.page_size,
        )


def _alias():
    from documents.indexing import alias_name

    return alias_name()


def search_documents(params, url_for):
    """Search Elasticsearch when configured; the database answers when it is not or fails."""
    from documents.fallback import DatabaseDocumentQuery

    params = replace(params, page_size=params.page_size or settings.DOCUMENT_PAGE_SIZE)
    return elastic.search_or_fallback(
        DocumentQuery(params, url_for).execute,
        DatabaseDocumentQuery(params, url_for).execute,
        "documents",
    )
