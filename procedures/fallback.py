"""The database answer to the procedure search: same parameters, same result shape, same ranking.

Words are matched in the normalised columns that `Procedure.save()` and the importer keep
(" dang ki khai sinh "), so it is diacritic-insensitive and tolerant of kí/ký on any database
(SQLite for the embedded default, PostgreSQL in production). What is looked for is the plan
of `procedures.synonyms` (synonyms expanded, filler dropped, typos corrected against the
catalogue's vocabulary), the one Elasticsearch's query builder translates too. On
PostgreSQL the text's words are matched in a tsvector column kept by the database
(`procedures.words_column`), whose GIN index answers "contains any of the words" first; the
"most of the words" rule and the tiers are then computed on those rows only.
"""

from collections import Counter
from types import SimpleNamespace

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.functions import Length

from portal.search.database import MAX_ID_LIST, id_set
from portal.search.text import padded
from procedures import synonyms, words_column
from procedures.models import DossierItem, Procedure
from procedures.results import RELEVANCE_TIES, SearchResponse, make_facets, make_hit
from procedures.searchtext import body_text


class DatabaseProcedureQuery:
    def __init__(self, params, url_for):
        self.params = params
        self.url_for = url_for

    def match_text(self):
        """Rows that may match: any word (or synonym) of the query, or the code prefix.

        `covered()` then keeps those covering most of the words; this coarse filter is what
        an index (pg_trgm on PostgreSQL) can answer.
        """
        p = self.params
        if not p.has_query:
            return Q()
        clauses = Q(pk__in=[])
        for rule in synonyms.match_rules(p.plan):
            for concept in rule.concepts:
                clauses |= db_condition(synonyms.Contains(concept, "text"))
        if p.code_prefix:
            clauses |= Q(code__startswith=p.code_prefix)
        return clauses

    def covered(self, queryset):
        """Keep the rows meeting a match rule of the plan (or the code prefix)."""
        p = self.params
        rules = synonyms.match_rules(p.plan)
        if not p.has_query or not rules:
            return queryset
        keep = Q(code__startswith=p.code_prefix) if p.code_prefix else Q(pk__in=[])
        annotations = {}
        for number, rule in enumerate(rules):
            name = f"covered_{number}"
            annotations[name] = _weighted(rule)
            keep |= Q(**{f"{name}__gte": rule.threshold})
        return queryset.annotate(**annotations).filter(keep)

    def rank(self):
        p = self.params
        tiers = []
        if p.code_prefix:
            tiers += [
                (Q(code=p.code_prefix), synonyms.CODE_EXACT),
                (Q(code__startswith=p.code_prefix), synonyms.CODE_PREFIX),
            ]
        tiers += [(db_condition(c), points) for c, points in synonyms.scoring(p.plan)]
        if p.tokens:
            tiers.append((Q(name_search__contains=padded(p.tokens)), 8))
            tiers.append((_all(Q(name_search__contains=f" {t} ") for t in p.tokens), 4))
        if p.exact_tokens:
            tiers.append((_all(Q(name_words__contains=f" {t} ") for t in p.exact_tokens), 2))
            tiers.append((Q(name_words__contains=padded(p.exact_tokens)), 1))
        score = Value(0, output_field=IntegerField())
        for condition, points in tiers:
            score = score + _points(condition, points)
        return score

    def filter_level(self):
        return Q(levels__code=self.params.level) if self.params.level else Q()

    def filter_field(self):
        return Q(field=self.params.field) if self.params.field else Q()

    def filter_agency(self):
        return Q(implementing_agencies__name=self.params.agency) if self.params.agency else Q()

    def filter_online(self):
        return Q(online_level=self.params.online) if self.params.online else Q()

    def queryset(self):
        matching = Procedure.objects.filter(self.match_text()).filter(
            self.filter_level(), self.filter_field(), self.filter_agency(), self.filter_online()
        )
        return self.covered(matching)

    def ordering(self):
        sort = self.params.effective_sort
        if sort == "code":
            return ["code"]
        if sort == "name":
            return ["name_sort", "code"]
        return ["-rank", *RELEVANCE_TIES]

    def facet_counts(self, ids):
        level_rows = Procedure.levels.through.objects.filter(procedure_id__in=ids)
        agency_rows = Procedure.implementing_agencies.through.objects.filter(procedure_id__in=ids)
        # Field and online level in one grouping: one query for two facets.
        pairs = Procedure.objects.filter(pk__in=ids).values("field", "online_level")
        fields, online = Counter(), Counter()
        for row in pairs.annotate(n=Count("pk")).order_by():
            online[row["online_level"]] += row["n"]
            if row["field"]:
                fields[row["field"]] += row["n"]
        return {
            "level": _grouped(level_rows, "level_id"),
            "field": list(fields.items()),
            "agency": _grouped(agency_rows, "agency__name"),
            "online": list(online.items()),
        }

    def matching_ids(self):
        """The matching procedures' ids: the text is scanned once, the rest goes by id.

        Without a query the ids stay a subquery and the count comes from the facets.
        """
        matching = self.queryset()
        if not self.params.has_query:
            return matching.values("pk"), None
        ids = list(matching.order_by().values_list("pk", flat=True))
        return (id_set(ids) if len(ids) <= MAX_ID_LIST else matching.values("pk")), len(ids)

    def page_rows(self, ids):
        """The requested page: rows as dicts, with their levels, agencies and dossier names."""
        p = self.params
        rows = list(
            Procedure.objects.filter(pk__in=ids)
            .annotate(rank=self.rank(), name_length=Length("name"))
            .order_by(*self.ordering())
            .values("pk", "code", "name", "field", "online_level", *_BODY_FIELDS)[
                p.offset : p.offset + p.page_size
            ]
        )
        pks = [row["pk"] for row in rows]
        related = {pk: {"levels": [], "agencies": [], "dossier": []} for pk in pks}
        levels = Procedure.levels.through.objects.filter(procedure_id__in=pks)
        for pk, level in levels.order_by("level__order").values_list("procedure_id", "level_id"):
            related[pk]["levels"].append(level)
        agencies = Procedure.implementing_agencies.through.objects.filter(procedure_id__in=pks)
        for pk, name in agencies.order_by("pk").values_list("procedure_id", "agency__name"):
            related[pk]["agencies"].append(name)
        if p.tokens:  # dossier documents only matter for a passage matching the query
            items = DossierItem.objects.filter(procedure_id__in=pks).order_by("sort_order")
            for pk, name in items.values_list("procedure_id", "name"):
                related[pk]["dossier"].append(name)
        return [(row, related[row["pk"]]) for row in rows]

    def execute(self):
        p = self.params
        ids, count = self.matching_ids()
        counts = self.facet_counts(ids)
        if count is None:  # every procedure has exactly one online level
            count = sum(n for _, n in counts["online"])
        hits = [
            make_hit(
                code=row["code"],
                name=row["name"],
                levels=extra["levels"],
                field=row["field"],
                agencies=extra["agencies"],
                online_level=row["online_level"],
                body=body_text(SimpleNamespace(**row), extra["dossier"]),
                tokens=p.highlight_tokens,
                url_for=self.url_for,
            )
            for row, extra in self.page_rows(ids)
        ]
        return SearchResponse(
            count=count,
            results=hits,
            facets=make_facets(counts, p),
            backend="database",
            page=p.page,
            page_size=p.page_size,
            fuzzy=bool(p.plan.corrected_words),
            corrected_query=p.corrected_query,
        )


_BODY_FIELDS = ("procedure_type", "competent_agency", "applicants", "results")


DB_FIELDS = {"name": "name_search", "text": "search_text"}


def db_condition(condition):
    """A `procedures.synonyms` condition as a filter on the normalised, space-padded columns
    (on PostgreSQL, the text's through its words column: `procedures.words_column`)."""
    if isinstance(condition, synonyms.Every):
        return _all(db_condition(part) for part in condition.parts)
    column = DB_FIELDS[condition.field]
    # The words as typed match anywhere in the text; in the name, and a synonym, a phrase.
    anywhere = condition.concept.typed if condition.field == "text" else None

    def like(alternative):
        if alternative == anywhere:
            return _all(Q(**{f"{column}__contains": f" {word} "}) for word in alternative)
        return Q(**{f"{column}__contains": padded(alternative)})

    alternatives = condition.concept.alternatives
    if condition.field == "text" and words_column.available():
        return words_column.condition(alternatives, anywhere, like)
    found = Q(pk__in=[])
    for alternative in alternatives:
        found |= like(alternative)
    return found


def _weighted(rule):
    """How many of the query's words the row covers (each concept counts its weight)."""
    total = Value(0, output_field=IntegerField())
    for concept in rule.concepts:
        total = total + _points(db_condition(synonyms.Contains(concept, "text")), concept.weight)
    return total


def _points(condition, points):
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())


def _all(conditions):
    combined = Q()
    for condition in conditions:
        combined &= condition
    return combined


def _grouped(queryset, column):
    rows = queryset.values(column).annotate(n=Count("pk")).order_by()
    return [(row[column], row["n"]) for row in rows]


def database_autocomplete(tokens, code, size, expanded=None):
    """The database's autocomplete: whole words, the last one a prefix, or a code prefix;
    `expanded` (`synonyms.autocomplete_concepts`): names with a synonym of the words."""
    match = Q(pk__in=[])
    rank = Value(0, output_field=IntegerField())
    if tokens:
        words = Q(name_search__contains=" " + tokens[-1])
        for token in tokens[:-1]:
            words &= Q(name_search__contains=f" {token} ")
        match |= words
        rank = rank + _points(words, 1)
        rank = rank + _points(Q(name_search__contains=" " + " ".join(tokens)), 2)
    if expanded:
        concepts, partial = expanded
        synonym = _all(db_condition(synonyms.Contains(c, "name")) for c in concepts[:-1])
        last = concepts[-1]
        if partial:
            synonym &= Q(name_search__contains=" " + last.typed[0])
        else:
            synonym &= db_condition(synonyms.Contains(last, "name"))
        match |= synonym
        rank = rank + _points(synonym, 1)
    if code:
        match |= Q(code__startswith=code)
        rank = rank + _points(Q(code__startswith=code), 16)
    rows = (
        Procedure.objects.filter(match)
        .annotate(rank=rank, name_length=Length("name"))
        .order_by("-rank", *RELEVANCE_TIES)
        .values("code", "name")[:size]
    )
    return list(rows)
