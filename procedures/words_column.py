"""The procedures' searchable words as a PostgreSQL tsvector: the database fallback's fast match.

`search_text` holds a procedure's folded words, space-padded (" cap lai giay chung nhan … "),
and the fallback tests whole words (`LIKE '% lai %'`) and phrases (`LIKE '% giay cn %'`) in
it. Evaluating a dozen such patterns over 1,650 characters a procedure was most of a search's
time on PostgreSQL: 196 ms to find what "cấp lại giấy chứng nhận" matches among 2,642
procedures. Migration search.0008 adds `search_words`, the same words as a tsvector, generated
by PostgreSQL from `search_text` (so it never lags behind it) and GIN-indexed; a word is a
lexeme, a phrase is `<->`: 42 ms for the same search.

It answers as LIKE does. The column is built with the `simple` configuration (no stemming, no
stop words) from `search_text` with the joiners `portal.search.text.WORD` keeps inside a word
(. _ , ' ’) removed, so that PostgreSQL's parser reads each of our words as one token
("1.000894" → 1000894, "mau_01" → mau01), never as its parts. Query words that are not plain
[a-z0-9]+ (codes, words with a joiner, other scripts) are matched by LIKE as before. The one
difference left: a plain query word equal to a text word without its joiners ("mau01"
finds "mau_01"). Two limits of PostgreSQL's, far beyond our texts (the catalogue's longest
has 49,199 characters and 11,331 words): the column holds the first 200,000 characters (a
tsvector's lexemes may not pass 1 MB), and words after the 16,383rd share its position, so
a phrase there may be missed or found wrongly. tests/procedures/test_citizen_phrasings.py
checks that both ways find and rank alike on the whole national catalogue. SQLite (the
embedded default) scans with LIKE.
"""

import re

from django.db import connection
from django.db.models import BooleanField, F, Func, Q, Value

COLUMN = "search_words"
PLAIN = re.compile(r"[a-z0-9]+")


def available():
    """Whether the database has the column (migration search.0008 adds it on PostgreSQL)."""
    return connection.vendor == "postgresql"


def plain(alternative):
    return all(PLAIN.fullmatch(word) for word in alternative)


def tsquery(alternatives, anywhere):
    """One tsquery for the alternatives (tuples of plain words): the words of `anywhere` each
    somewhere (&), every other one as a phrase (<->)."""
    parts = [
        (" & " if alternative == anywhere else " <-> ").join(f"'{word}'" for word in alternative)
        for alternative in alternatives
    ]
    return " | ".join(f"({part})" for part in parts)


class HasWords(Func):
    """`search_words @@ <tsquery>`, a condition for filter() and When().

    The column is not a model field (SQLite cannot compute it), so it is named beside
    `search_text`, whose reference the ORM aliases correctly in joins and subqueries.
    """

    conditional = True
    output_field = BooleanField()

    def __init__(self, query):
        super().__init__(F("search_text"), Value(query))

    def as_sql(self, compiler, connection, **extra_context):
        text, text_params = compiler.compile(self.source_expressions[0])
        query, query_params = compiler.compile(self.source_expressions[1])
        column = text.removesuffix(connection.ops.quote_name("search_text"))
        column += connection.ops.quote_name(COLUMN)
        return f"{column} @@ {query}::tsquery", [*text_params, *query_params]


def condition(alternatives, anywhere, like):
    """Rows whose text has one of `alternatives`: from the column where it can answer, by
    `like(alternative)` (a Q) for the rest."""
    indexed = [alternative for alternative in alternatives if plain(alternative)]
    found = Q(HasWords(tsquery(indexed, anywhere))) if indexed else Q(pk__in=[])
    for alternative in alternatives:
        if not plain(alternative):
            found |= like(alternative)
    return found
