"""The procedure index: an elasticsearch-dsl Document whose mapping uses only Elasticsearch's core.

Vietnamese is folded in Python (`portal.vietnamese.normalise`) before indexing, so:
- `name` holds the name as written (standard analyzer): matches that keep the diacritics
  the user typed rank above folded ones;
- `name_folded` holds the folded, spelling-normalised name, with `index_prefixes` for fast
  prefix queries (autocomplete);
- `all_folded` holds everything a query may match (name, field, agencies, applicants,
  results, dossier documents), folded the same way;
- `name_sort` holds a Vietnamese collation key (keyword) for "sort by name".
"""

import unicodedata
from types import SimpleNamespace

from elasticsearch_dsl import Date, Document, Integer, Keyword, MetaField, Text

from portal.search.highlight import passage_source
from procedures.searchtext import body_text

# The Procedure columns a document is made from (see ProcedureDocument.from_row).
ROW_FIELDS = (
    "pk",
    "code",
    "name",
    "name_search",
    "name_sort",
    "search_text",
    "field",
    "procedure_type",
    "competent_agency",
    "applicants",
    "results",
    "online_level",
    "source",
    "updated_at",
)
# One shard: exact facet counts and scores; the catalogue is small (50,000 at most).
INDEX_SETTINGS = {"number_of_shards": 1}


class ProcedureDocument(Document):
    code = Keyword()
    name = Text(analyzer="standard")
    name_folded = Text(analyzer="standard", index_prefixes={"min_chars": 1, "max_chars": 10})
    name_length = Integer()
    name_sort = Keyword()
    all_folded = Text(analyzer="standard")
    # The secondary text snippets come from, and its normalised copy (portal.search.highlight).
    body = Text(index=False)
    body_folded = Text(index=False)
    field = Keyword()
    levels = Keyword()
    agencies = Keyword()
    online_level = Keyword()
    source = Keyword()
    updated_at = Date()

    class Index:
        name = "procedures"  # replaced by the prefixed, timestamped name at run time

    class Meta:
        # The folded copies are only searched and the collation key only sorted on, never
        # shown: not storing them keeps each hit's _source small (fetching 20 of them is
        # most of a search's time).
        source = MetaField(excludes=["name_folded", "all_folded", "name_sort"])

    @classmethod
    def from_row(cls, row, levels, agencies, dossier):
        """The document of one procedure, from its database row (a dict) and relations.

        The folded fields reuse the columns Procedure.save() and the importer keep
        (`name_search`, `search_text`, `name_sort`): one folding for both backends. Only
        the snippet text is prepared here, once, so that searches need not.
        """
        body, body_folded = passage_source(body_text(SimpleNamespace(**row), dossier))
        return {
            "code": row["code"],
            "name": unicodedata.normalize("NFC", row["name"]),
            "name_folded": row["name_search"].strip(),
            "name_length": len(unicodedata.normalize("NFC", row["name"])),
            "name_sort": row["name_sort"],
            "all_folded": row["search_text"].strip(),
            "body": body,
            "body_folded": body_folded,
            "field": row["field"] or None,
            "levels": levels,
            "agencies": agencies,
            "online_level": row["online_level"],
            "source": row["source"],
            "updated_at": row["updated_at"].isoformat(),
        }


def index_body(replicas=0):
    """Settings and mapping for a new concrete index."""
    return {
        "settings": {**INDEX_SETTINGS, "number_of_replicas": replicas},
        "mappings": ProcedureDocument._doc_type.mapping.to_dict(),
    }
