"""The database answer to the document search: same parameters, results, facets and ranking.

Words are matched in the folded columns `LegalDocumentPage.save()` keeps (" nghi dinh 61 "),
like the procedure fallback (procedures/fallback.py), whose array-parameter helper it reuses;
what they look for are the same synonym concepts as Elasticsearch's (documents/params.py).
Only live documents without a view restriction are searched, as only those are indexed.
"""

from django.db.models import Case, Count, IntegerField, Q, Value, When

from documents.indexing import indexed
from documents.models import LegalDocumentPage
from documents.models.documents import Validity
from documents.results import make_facets, make_hit
from portal.search.database import MAX_ID_LIST, id_set
from portal.search.response import SearchResponse
from portal.search.text import padded

ROW = {
    "id": "pk",
    "number": "number",
    "title": "title",
    "slug": "slug",
    "document_type": "document_type__name",
    "issuer": "issuer__name",
    "field": "field__name",
    "issue_date": "issue_date",
    "in_force_from": "in_force_from",
    "expiry_date": "expiry_date",
    "ended_on": "ended_on",
    "ended_kind": "ended_kind",
}


def validity_conditions(day):
    """The database twin of documents.queries.validity_filters."""
    ended = Q(ended_on__lte=day)
    not_started = Q(in_force_from__gt=day)
    expired = Q(expiry_date__lte=day)
    return {
        Validity.REPEALED: ended & Q(ended_kind=Validity.REPEALED),
        Validity.REPLACED: ended & Q(ended_kind=Validity.REPLACED),
        Validity.NOT_YET: ~ended & not_started,
        Validity.EXPIRED: ~ended & ~not_started & expired,
        Validity.IN_FORCE: ~ended & ~not_started & ~expired,
    }


class DatabaseDocumentQuery:
    def __init__(self, params, url_for):
        self.params = params
        self.url_for = url_for

    def match_text(self):
        p = self.params
        if not p.has_query:
            return Q()
        clauses = Q(pk__in=[])
        if p.concepts:
            clauses |= _all(contains(concept, "search_text") for concept in p.concepts)
        if p.number_prefix:
            clauses |= Q(number_key__startswith=p.number_prefix)
        return clauses

    def rank(self):
        p = self.params
        tiers = []
        if p.number_prefix:
            tiers += [
                (Q(number_key=p.number_prefix), 32),
                (Q(number_key__startswith=p.number_prefix), 16),
            ]
        if p.tokens:
            tiers.append((Q(title_search__contains=padded(p.tokens)), 8))
        if p.concepts:
            tiers.append((_all(contains(c, "title_search") for c in p.concepts), 4))
        if p.exact_tokens:
            tiers.append((_all(Q(title_words__contains=f" {t} ") for t in p.exact_tokens), 2))
        score = Value(0, output_field=IntegerField())
        for condition, points in tiers:
            score = score + Case(
                When(condition, then=Value(points)), default=Value(0), output_field=IntegerField()
            )
        return score

    def filter_type(self):
        return Q(document_type__name=self.params.type) if self.params.type else Q()

    def filter_issuer(self):
        return Q(issuer__name=self.params.issuer) if self.params.issuer else Q()

    def filter_field(self):
        return Q(field__name=self.params.field) if self.params.field else Q()

    def filter_year(self):
        return Q(issue_year=int(self.params.year)) if self.params.year else Q()

    def filter_status(self):
        status = self.params.status
        return validity_conditions(self.params.day)[Validity(status)] if status else Q()

    def queryset(self):
        return indexed().filter(
            self.match_text(),
            self.filter_type(),
            self.filter_issuer(),
            self.filter_field(),
            self.filter_year(),
            self.filter_status(),
        )

    def ordering(self):
        newest = ["-issue_date", "-pk"]
        return newest if self.params.effective_sort == "date" else ["-rank", *newest]

    def matching_ids(self):
        matching = self.queryset()
        if not self.params.has_query:
            return matching.values("pk")
        ids = list(matching.order_by().values_list("pk", flat=True))
        return id_set(ids) if len(ids) <= MAX_ID_LIST else matching.values("pk")

    def facet_counts(self, ids):
        rows = LegalDocumentPage.objects.filter(pk__in=ids)
        counts = {
            name: [
                (row[column], row["n"])
                for row in rows.values(column).annotate(n=Count("pk")).order_by()
            ]
            for name, column in (
                ("type", "document_type__name"),
                ("issuer", "issuer__name"),
                ("field", "field__name"),
                ("year", "issue_year"),
            )
        }
        statuses = rows.aggregate(
            **{
                str(status.value): Count("pk", filter=condition)
                for status, condition in validity_conditions(self.params.day).items()
            }
        )
        counts["status"] = list(statuses.items())
        return counts

    def execute(self):
        p = self.params
        ids = self.matching_ids()
        counts = self.facet_counts(ids)
        count = sum(n for _, n in counts["status"])  # every document has exactly one
        rows = (
            LegalDocumentPage.objects.filter(pk__in=ids)
            .annotate(rank=self.rank())
            .order_by(*self.ordering())
            .values(*ROW.values())[p.offset : p.offset + p.page_size]
        )
        hits = [
            make_hit({key: row[column] for key, column in ROW.items()}, self.url_for, p.day)
            for row in rows
        ]
        return SearchResponse(
            count=count,
            results=hits,
            facets=make_facets(counts, p),
            backend="database",
            page=p.page,
            page_size=p.page_size,
        )


def contains(concept, column):
    """A `procedures.synonyms` concept in a padded words column: its words as typed anywhere,
    or one of its synonyms as a phrase (the twin of documents.queries.contains)."""
    found = Q(pk__in=[])
    for alternative in concept.alternatives:
        if alternative == concept.typed:
            found |= _all(Q(**{f"{column}__contains": f" {word} "}) for word in alternative)
        else:
            found |= Q(**{f"{column}__contains": padded(alternative)})
    return found


def _all(conditions):
    combined = Q()
    for condition in conditions:
        combined &= condition
    return combined
