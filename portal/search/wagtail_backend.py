"""Wagtail's database search backend, with every query written so SQLite's FTS5 accepts it.

Wagtail's own search (every admin search box: pages, snippets, images, documents; and
`Page.search`) runs on its database backend: PostgreSQL full-text search in production,
SQLite's FTS5 under `make run`. On SQLite that backend failed in two ways, each an
OperationalError the portal answers with its 503 "database unavailable" page (#20):
- it puts each word between double quotes without doubling the quotes inside it, so a `"`
  typed inside a word (`khai"sinh`) closed the FTS5 string early (a syntax error). Here each
  word is written as FTS5 wants it, a quote doubled, and a word with no letter or digit is
  dropped (it matches nothing and, AND-ed with the others, would empty the results);
- an admin listing that names its `search_fields` ("Chuyên mục tin": `name`) made it match
  a column of that name, but SQLite's index keeps an object's text in three columns
  (title, body, autocomplete), so every search in such a box failed ("no such column").
  Here such a search looks in all of the object's indexed text, as it would with no fields.
On both databases a query with no letter or digit at all ("-", "!") is searched as an empty
phrase, which finds nothing: on PostgreSQL, in a listing that names its `search_fields`
("Thông báo", "Chuyên mục tin"), it was an AttributeError, a 500. Everything else is
Wagtail's backend.

Configured once, as WAGTAILSEARCH_BACKENDS' default, so no search box needs its own
cleaning (the site search still keeps words only: `sitesearch.site_search.search_terms`).
"""

import functools
import re

from wagtail.search.backends import database
from wagtail.search.query import Phrase, PlainText

_WORD = re.compile(r"[^\W_]")


class _SafeQueries:
    """Rewrites each word of a query before Wagtail's compiler quotes it for FTS5, and
    matches all of the index's columns whatever fields were asked for."""

    def search(self, config, start, stop, score_field=None):
        asked, self.fields = self.fields, None
        try:
            return super().search(config, start, stop, score_field=score_field)
        finally:
            self.fields = asked

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            words = [word.replace('"', '""') for word in query.query_string.split()]
            words = [word for word in words if _WORD.search(word)]
            if words:
                query = PlainText(" ".join(words), operator=query.operator, boost=query.boost)
            else:
                query = Phrase("")  # an empty FTS5 string: valid, and matches nothing
        elif isinstance(query, Phrase):
            query = Phrase(query.query_string.replace('"', '""'))
        return super().build_search_query_content(query, config=config)


class _WordlessFindsNothing:
    """A backend that searches a query with no letter or digit as an empty phrase: valid on
    both databases, and it matches nothing."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        text = query if isinstance(query, str) else getattr(query, "query_string", None)
        if text is not None and not _WORD.search(text):
            query = Phrase("")
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


@functools.cache
def _safe_postgres_backend():
    from modelsearch.backends.database.postgres import postgres

    class SafePostgresSearchBackend(_WordlessFindsNothing, postgres.PostgresSearchBackend):
        pass

    return SafePostgresSearchBackend


@functools.cache
def _safe_sqlite_backend():
    # Imported only once Wagtail has chosen it: the module needs SQLite's FTS5 table model,
    # which exists only on SQLite.
    from modelsearch.backends.database.sqlite import sqlite

    class SearchCompiler(_SafeQueries, sqlite.SQLiteSearchQueryCompiler):
        pass

    class AutocompleteCompiler(_SafeQueries, sqlite.SQLiteAutocompleteQueryCompiler):
        pass

    class SafeSQLiteSearchBackend(_WordlessFindsNothing, sqlite.SQLiteSearchBackend):
        query_compiler_class = SearchCompiler
        autocomplete_query_compiler_class = AutocompleteCompiler

    return SafeSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Wagtail's choice of database backend, in its safe variant."""
    backend = database.SearchBackend(params)
    module = type(backend).__module__
    if module == "modelsearch.backends.database.sqlite.sqlite":
        return _safe_sqlite_backend()(params)
    if module == "modelsearch.backends.database.postgres.postgres":
        return _safe_postgres_backend()(params)
    return backend  # SQLite without FTS5 (plain LIKE queries), MySQL
