"""The database answer to the procedure search: same parameters, same result shape, same ranking.

Words are matched in the normalised columns that `Procedure.save()` and the importer keep
(" dang ki khai sinh "), so it is diacritic-insensitive and tolerant of kí/ký on any database
(SQLite for the embedded default, PostgreSQL in production). What is looked for is the plan
of `procedures.synonyms` (synonyms expanded, filler dropped, typos corrected against the
catalogue's vocabulary), the one Elasticsearch's query builder translates too. On
PostgreSQL, "contains any of the words" is answered from the pg_trgm index first.

With a query, those candidate rows' normalised columns are read once (`scan`) and the "most
of the words" rule, the scoring tiers and the order are computed here in Python, each
distinct condition once per row (`_RowTests`). Written as SQL, a synonym-expanded query made
PostgreSQL evaluate some twenty `LIKE`s per row twice (a CASE per tier in the ranking
query, the match rule again in the matching one). Measured on the whole catalogue, old and
new code interleaved in one process: the same results for the 79 citizen phrasings and
the benchmark's queries, at about 0.9x the time (the candidates' `WHERE` remains the cost).
"""

from collections import Counter
from types import SimpleNamespace

from django.db import connection
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.functions import Length

from portal.search.database import MAX_ID_LIST, id_set
from portal.search.text import padded
from procedures import synonyms
from procedures.models import DossierItem, Procedure
from procedures.results import SearchResponse, make_facets, make_hit
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

    def filter_level(self):
        return Q(levels__code=self.params.level) if self.params.level else Q()

    def filter_field(self):
        return Q(field=self.params.field) if self.params.field else Q()

    def filter_agency(self):
        return Q(implementing_agencies__name=self.params.agency) if self.params.agency else Q()

    def filter_online(self):
        return Q(online_level=self.params.online) if self.params.online else Q()

    def queryset(self):
        return self.covered(self.candidates())

    def ordering(self):
        sort = self.params.effective_sort
        if sort == "code":
            return ["code"]
        return ["name_sort", "code"]  # relevance needs a query: `scan` orders those

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

    def tiers(self):
        """(test, points): the scoring tiers as tests on a candidate row (`_RowTests`)."""
        p = self.params
        tests = _RowTests()
        tiers = []
        if p.code_prefix:
            tiers += [
                (lambda row: row.code == p.code_prefix, synonyms.CODE_EXACT),
                (lambda row: row.code.startswith(p.code_prefix), synonyms.CODE_PREFIX),
            ]
        tiers += [(tests.condition(c), points) for c, points in synonyms.scoring(p.plan)]
        if p.tokens:
            tiers.append((tests.phrase("name_search", p.tokens), 8))
            tiers.append((tests.words("name_search", p.tokens), 4))
        if p.exact_tokens:
            tiers.append((tests.words("name_words", p.exact_tokens), 2))
            tiers.append((tests.phrase("name_words", p.exact_tokens), 1))
        rules = [
            (
                [(tests.condition(synonyms.Contains(c, "text")), c.weight) for c in rule.concepts],
                rule.threshold,
            )
            for rule in synonyms.match_rules(p.plan)
        ]
        return tiers, rules

    def scan(self):
        """The matching rows in order: [pk].

        The candidates' columns are read once; the match rule and the tiers are evaluated
        here, each distinct condition once per row.
        """
        p = self.params
        tiers, rules = self.tiers()
        prefix = p.code_prefix
        rows = (
            self.candidates()
            .annotate(name_length=Length("name"))
            .order_by()
            .values_list(*_Row.COLUMNS)
        )
        found = []
        for values in rows:
            row = _Row(*values)
            if not (prefix and row.code.startswith(prefix)) and not any(
                sum(weight for test, weight in parts if test(row)) >= threshold
                for parts, threshold in rules
            ):
                continue
            rank = sum(points for test, points in tiers if test(row))
            found.append((row.pk, rank, row.name_length, row.name_sort, row.code))
        sort = p.effective_sort
        if sort == "code":
            found.sort(key=lambda row: row[4])
        elif sort == "name":
            found.sort(key=lambda row: (row[3], row[4]))
        else:
            found.sort(key=lambda row: (-row[1], row[2], row[3], row[4]))
        return [row[0] for row in found]

    def candidates(self):
        """Rows that may match (`match_text`) and meet the filters."""
        return Procedure.objects.filter(self.match_text()).filter(
            self.filter_level(), self.filter_field(), self.filter_agency(), self.filter_online()
        )

    def matching_ids(self):
        """The matching procedures' ids and, with a query, their order and count.

        Without a query the ids stay a subquery, the count comes from the facets and the
        page is ordered by the database: (ids, None, None).
        """
        if not self.params.has_query:
            return self.queryset().values("pk"), None, None
        ordered = self.scan()
        if len(ordered) <= MAX_ID_LIST or connection.vendor == "postgresql":
            ids = id_set(ordered)
        else:  # SQLite limits the number of parameters of one query
            ids = self.queryset().values("pk")
        return ids, len(ordered), ordered

    def page_rows(self, ids, ordered=None):
        """The requested page: rows as dicts, with their levels, agencies and dossier names.

        `ordered`: every matching pk in order (`scan`); without it the database orders.
        """
        p = self.params
        shown = ("pk", "code", "name", "field", "online_level", *_BODY_FIELDS)
        if ordered is not None:
            page = ordered[p.offset : p.offset + p.page_size]
            by_pk = {row["pk"]: row for row in Procedure.objects.filter(pk__in=page).values(*shown)}
            rows = [by_pk[pk] for pk in page]
        else:
            rows = list(
                Procedure.objects.filter(pk__in=ids)
                .order_by(*self.ordering())
                .values(*shown)[p.offset : p.offset + p.page_size]
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
        ids, count, ordered = self.matching_ids()
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
            for row, extra in self.page_rows(ids, ordered)
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


class _Row:
    """A candidate row's columns, and the word sets of its normalised columns (made once)."""

    COLUMNS = (
        "pk",
        "code",
        "name_length",
        "name_sort",
        "name_search",
        "name_words",
        "search_text",
    )
    __slots__ = (*COLUMNS, "_words", "seen")

    def __init__(self, pk, code, name_length, name_sort, name_search, name_words, search_text):
        self.pk, self.code, self.name_length, self.name_sort = pk, code, name_length, name_sort
        self.name_search, self.name_words, self.search_text = name_search, name_words, search_text
        self._words = {}
        self.seen = {}  # test key -> outcome (see _RowTests)

    def words(self, column):
        found = self._words.get(column)
        if found is None:
            found = self._words[column] = frozenset(getattr(self, column).split())
        return found


class _RowTests:
    """`procedures.synonyms` conditions as tests on a `_Row`: what `db_condition` says in SQL.

    A word is in a space-padded column exactly when it is in the column's word set, and a
    phrase when its padded form is in the column, so these agree with the SQL `LIKE`s. Tests
    are memoised per row, so a condition shared by several tiers is evaluated once.
    """

    def __init__(self):
        self.made = {}

    def _memo(self, key, test):
        if key not in self.made:
            self.made[key] = lambda row: (
                row.seen[key] if key in row.seen else row.seen.setdefault(key, test(row))
            )
        return self.made[key]

    def words(self, column, tokens):
        tokens = tuple(tokens)
        return self._memo(
            ("words", column, tokens), lambda row: row.words(column).issuperset(tokens)
        )

    def phrase(self, column, tokens):
        text = padded(tokens)
        return self._memo(("phrase", column, text), lambda row: text in getattr(row, column))

    def condition(self, condition):
        if isinstance(condition, synonyms.Every):
            parts = [self.condition(part) for part in condition.parts]
            return lambda row: all(part(row) for part in parts)
        column = DB_FIELDS[condition.field]
        anywhere = condition.concept.typed if condition.field == "text" else None
        alternatives = [
            self.words(column, alt) if alt == anywhere else self.phrase(column, alt)
            for alt in condition.concept.alternatives
        ]
        return lambda row: any(alternative(row) for alternative in alternatives)


def db_condition(condition):
    """A `procedures.synonyms` condition as a filter on the normalised, space-padded columns."""
    if isinstance(condition, synonyms.Every):
        return _all(db_condition(part) for part in condition.parts)
    column = DB_FIELDS[condition.field]
    found = Q(pk__in=[])
    # The words as typed match anywhere in the text; in the name, and a synonym, a phrase.
    anywhere = condition.concept.typed if condition.field == "text" else None
    for alternative in condition.concept.alternatives:
        if alternative == anywhere:
            found |= _all(Q(**{f"{column}__contains": f" {word} "}) for word in alternative)
        else:  # a synonym: as a phrase
            found |= Q(**{f"{column}__contains": padded(alternative)})
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
        .order_by("-rank", "name_length", "name_sort", "code")
        .values("code", "name")[:size]
    )
    return list(rows)
