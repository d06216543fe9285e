"""Wagtail's database search backend, with every query written safely for SQLite's FTS5.

Wagtail's own search (every admin search box: pages, snippets, images, documents; and
`Page.search`) runs on its database backend: PostgreSQL full-text search in production,
SQLite's FTS5 under `make run`. On SQLite the backend puts each word between double quotes
without doubling the quotes inside it, so a `"` typed inside a word (`khai"sinh`) closes the
FTS5 string early: "fts5: syntax error", a 500 in the admin (#20). Here each word is written
as FTS5 wants it, a quote doubled, and a word with no letter or digit is dropped (it matches
nothing and, AND-ed with the others, would empty the results). Everything else, and
PostgreSQL, is Wagtail's backend unchanged.

Configured once, as WAGTAILSEARCH_BACKENDS' default, so no search box needs its own
cleaning (the site search still keeps words only: `sitesearch.site_search.search_terms`).
"""

import functools
import re

from wagtail.search.backends import database
from wagtail.search.query import Phrase, PlainText

_WORD = re.compile(r"[^\W_]")


class _SafeTerms:
    """Rewrites each word of a query before Wagtail's compiler quotes it for FTS5."""

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


@functools.cache
def _safe_sqlite_backend():
    # Imported only once Wagtail has chosen it: the module needs SQLite's FTS5 table model,
    # which exists only on SQLite.
    from modelsearch.backends.database.sqlite import sqlite

    class SearchCompiler(_SafeTerms, sqlite.SQLiteSearchQueryCompiler):
        pass

    class AutocompleteCompiler(_SafeTerms, sqlite.SQLiteAutocompleteQueryCompiler):
        pass

    class SafeSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
        query_compiler_class = SearchCompiler
        autocomplete_query_compiler_class = AutocompleteCompiler

    return SafeSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Wagtail's choice of database backend; on SQLite with FTS5, the safe variant of it."""
    backend = database.SearchBackend(params)
    if type(backend).__module__ != "modelsearch.backends.database.sqlite.sqlite":
        return backend  # PostgreSQL, or SQLite without FTS5 (plain LIKE queries)
    return _safe_sqlite_backend()(params)
