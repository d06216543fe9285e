"""The procedure index: an elasticsearch-dsl Document whose mapping uses only Elasticsearch's core.

Vietnamese is folded in Python (`search.vietnamese.normalise`) before indexing, so:
- `name` holds the name as written (standard analyzer): matches that keep the diacritics
  the user typed rank above folded ones;
- `name_folded` holds the folded, spelling-normalised name, with `index_prefixes` for fast
  prefix queries (autocomplete);
- `all_folded` holds everything a query may match (name, field, agencies, applicants,
  results, dossier documents), folded the same way;
- `name_sort` holds a Vietnamese collation key (keyword) for "sort by name".
"""

import unicodedata

from elasticsearch_dsl import Date, Document, Integer, Keyword, Text

from search.searchtext import body_text, words
from search.vietnamese import collation_key

# One shard: exact facet counts and scores; the catalogue is small (50,000 at most).
INDEX_SETTINGS = {"number_of_shards": 1}


class ProcedureDocument(Document):
    code = Keyword()
    name = Text(analyzer="standard")
    name_folded = Text(analyzer="standard", index_prefixes={"min_chars": 1, "max_chars": 10})
    name_length = Integer()
    name_sort = Keyword()
    all_folded = Text(analyzer="standard")
    body = Text(index=False)
    field = Keyword()
    levels = Keyword()
    agencies = Keyword()
    online_level = Keyword()
    source = Keyword()
    updated_at = Date()

    class Index:
        name = "procedures"  # replaced by the prefixed, timestamped name at run time

    @classmethod
    def prepare(cls, procedure):
        """The document of a Procedure with levels, agencies and dossier items prefetched."""
        agencies = [agency.name for agency in procedure.implementing_agencies.all()]
        dossier = [item.name for item in procedure.dossier_items.all()]
        name = unicodedata.normalize("NFC", procedure.name)
        body = body_text(procedure, dossier)
        return cls(
            meta={"id": str(procedure.pk)},
            code=procedure.code,
            name=name,
            name_folded=" ".join(words(name)),
            name_length=len(name),
            name_sort=collation_key(name),
            all_folded=" ".join(words(" ".join([name, procedure.field, " ".join(agencies), body]))),
            body=body,
            field=procedure.field or None,
            levels=[level.code for level in procedure.levels.all()],
            agencies=agencies,
            online_level=procedure.online_level,
            source=procedure.source,
            updated_at=procedure.updated_at,
        )


def index_body(replicas=0):
    """Settings and mapping for a new concrete index."""
    return {
        "settings": {**INDEX_SETTINGS, "number_of_replicas": replicas},
        "mappings": ProcedureDocument._doc_type.mapping.to_dict(),
    }
