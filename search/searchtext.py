"""What of a procedure is searched, in the one form both search backends use.

Elasticsearch's `standard` tokenizer and `words()` below split text the same way for the text
we have (letters and digits, "1.000178" and "mus08.docx" kept whole), so the database
fallback matches whole words just as Elasticsearch matches tokens. Database columns hold the
words padded with spaces (" dang ki khai sinh "), so `contains(" ki ")` is a word match.
"""

import re
import unicodedata
from functools import lru_cache

from portal.vietnamese import collation_key, fold, normalise

WORD = re.compile(r"\w+(?:[.'’]\w+|(?<=\d),(?=\d)\w+)*")
CODE_QUERY = re.compile(r"^\d{1,2}\.\d{0,6}(?:\.[A-Za-z0-9]{0,10})?$")


def words(text):
    """The search words of `text`: folded, spelling-normalised, split like `standard`."""
    return [spelling(word) for word in WORD.findall(fold(text))]


@lru_cache(maxsize=65536)
def spelling(word):
    """One folded word with its i/y spelling normalised ("ky" -> "ki")."""
    return normalise(word)


def exact_words(text):
    """The words of `text` with their diacritics, lower-cased (Elasticsearch's `name`)."""
    return WORD.findall(unicodedata.normalize("NFC", text or "").lower())


def padded(tokens):
    return " " + " ".join(tokens) + " " if tokens else " "


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
