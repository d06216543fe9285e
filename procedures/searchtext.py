"""What of a procedure is searched: the derived columns both search backends read.

The words themselves are split and folded by `portal.search.text`, shared with documents.
"""

import re

from portal.search.text import exact_words, padded, words
from portal.vietnamese import collation_key

CODE_QUERY = re.compile(r"^\d{1,2}\.\d{0,6}(?:\.[A-Za-z0-9]{0,10})?$")


def body_text(procedure, dossier_names=()):
    """The secondary text a query may match: who applies, what they get, what they bring."""
    parts = [
        procedure.procedure_type,
        procedure.competent_agency,
        procedure.applicants,
        procedure.results,
        *dossier_names,
    ]
    return "\n".join(part for part in parts if part)


def search_fields_for(procedure, agency_names, dossier_names):
    """The derived columns of a Procedure (see Procedure.refresh_search_fields)."""
    searchable = " ".join(
        [
            procedure.name,
            procedure.field,
            " ".join(agency_names),
            body_text(procedure, dossier_names),
        ]
    )
    return {
        "name_sort": collation_key(procedure.name),
        "name_words": padded(exact_words(procedure.name)),
        "name_search": padded(words(procedure.name)),
        "search_text": padded(words(searchable)),
    }


def looks_like_code(query):
    return bool(CODE_QUERY.match((query or "").strip()))
