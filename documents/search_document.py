"""The document index: an elasticsearch-dsl Document whose mapping uses only Elasticsearch's core.

Mirrors the procedure index (procedures/documents.py): Vietnamese is folded in Python before
indexing (`LegalDocumentPage.search_text`, `title_search`, the columns the database fallback
matches), so both backends match the same words.

Validity is not stored as a value: it changes with the calendar. Its periods are stored
instead (`validity.<status>`, a date range per status, `validity_periods`) and the query asks
which period holds today (documents/queries.py): one range lookup per status, which
Elasticsearch counts from its index even over 100,000 documents. `year` is a keyword so its
facet is counted the same way (a numeric terms facet reads every matching document).
The dates themselves stay in the source: a hit's validity is computed from them.
"""

from elasticsearch_dsl import Date, DateRange, Document, Integer, Keyword, MetaField, Object, Text

from documents.models.documents import Validity, validity_periods

ROW_FIELDS = (
    "pk",
    "slug",
    "title",
    "number",
    "number_key",
    "title_search",
    "title_words",
    "search_text",
    "document_type__name",
    "issuer__name",
    "field__name",
    "signer",
    "issue_date",
    "issue_year",
    "in_force_from",
    "expiry_date",
    "ended_on",
    "ended_kind",
    "source",
    "latest_revision_created_at",
)
INDEX_SETTINGS = {"number_of_shards": 1}  # exact facet counts and scores


class LegalDocument(Document):
    page_id = Integer()  # the last tie-breaker of every sort, as in the database
    number = Keyword()
    number_key = Keyword()
    slug = Keyword(index=False)
    title = Text(analyzer="standard")
    title_folded = Text(analyzer="standard")
    all_folded = Text(analyzer="standard")
    document_type = Keyword()
    issuer = Keyword()
    field = Keyword()
    signer = Keyword(index=False)
    issue_date = Date()
    year = Keyword()
    in_force_from = Date()
    expiry_date = Date()
    ended_on = Date()
    ended_kind = Keyword()
    validity = Object(properties={status: DateRange(format="date") for status in Validity.values})
    source = Keyword()
    updated_at = Date()

    class Index:
        name = "documents"  # replaced by the prefixed, timestamped name at run time

    class Meta:
        source = MetaField(excludes=["title_folded", "all_folded"])

    @classmethod
    def from_row(cls, row):
        def day(value):
            return value.isoformat() if value else None

        periods = validity_periods(
            in_force_from=row["in_force_from"],
            expiry_date=row["expiry_date"],
            ended_on=row["ended_on"],
            ended_kind=row["ended_kind"],
        )

        updated = row["latest_revision_created_at"]
        return {
            "page_id": row["pk"],
            "number": row["number"],
            "number_key": row["number_key"],
            "slug": row["slug"],
            "title": row["title"],
            "title_folded": row["title_search"].strip(),
            "all_folded": row["search_text"].strip(),
            "document_type": row["document_type__name"],
            "issuer": row["issuer__name"],
            "field": row["field__name"],
            "signer": row["signer"],
            "issue_date": day(row["issue_date"]),
            "year": str(row["issue_year"]) if row["issue_year"] else None,
            "in_force_from": day(row["in_force_from"]),
            "expiry_date": day(row["expiry_date"]),
            "ended_on": day(row["ended_on"]),
            "ended_kind": row["ended_kind"] or None,
            "validity": {
                str(status): {
                    bound: day(value)
                    for bound, value in (("gte", start), ("lt", end))
                    if value is not None
                }
                for status, (start, end) in periods.items()
            },
            "source": row["source"],
            "updated_at": updated.isoformat() if updated else None,
        }


def index_body(replicas=0):
    return {
        "settings": {**INDEX_SETTINGS, "number_of_replicas": replicas},
        "mappings": LegalDocument._doc_type.mapping.to_dict(),
    }
