"""One result shape for both backends: a hit per document and the facet lists.

A hit holds data only (what the API returns); what only the search page shows — the excerpt
with the matched words marked and the date as Vietnamese read it — is added by
`add_display` for the page alone: the API never paid for highlighting it threw away.
"""

import datetime

from django.utils.formats import date_format

from documents.models.documents import Validity, validity_on
from documents.params import FACET_SIZE, FACETS
from portal.search.highlight import highlight


def _date(value):
    if isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return value


def make_hit(row, url_for, day):
    """`row`: number, title, slug, document_type, issuer, field, issue_date, the validity
    dates (dates or ISO strings)."""
    issue_date = _date(row["issue_date"])
    validity = validity_on(
        day,
        in_force_from=_date(row["in_force_from"]),
        expiry_date=_date(row["expiry_date"]),
        ended_on=_date(row["ended_on"]),
        ended_kind=row["ended_kind"] or "",
    )
    return {
        "id": row["id"],
        "number": row["number"],
        "title": row["title"],
        "type": row["document_type"],
        "issuer": row["issuer"],
        "field": row["field"] or "",
        "issue_date": issue_date.isoformat(),
        "status": {"code": validity.value, "name": str(validity.label)},
        "url": url_for(row["slug"]),
    }


def add_display(hits, tokens):
    """What the search page shows beside a hit's data: `title_html` (the excerpt with the
    query's words marked) and `issue_date_display`."""
    for hit in hits:
        hit["title_html"] = str(highlight(hit["title"], tokens))
        hit["issue_date_display"] = date_format(
            datetime.date.fromisoformat(hit["issue_date"]), "SHORT_DATE_FORMAT"
        )


def _label(name, value):
    if name == "status":
        return str(Validity(value).label) if value in Validity.values else value
    return value


def make_facets(counts, params):
    """{facet: [(value, count)]} -> lists, most frequent first (years newest first)."""
    facets = {}
    for name in FACETS:
        buckets = [(str(value), count) for value, count in counts.get(name, []) if value]
        if name == "year":
            buckets.sort(key=lambda bucket: bucket[0], reverse=True)
        elif name == "status":
            order = {status: i for i, status in enumerate(Validity.values)}
            buckets.sort(key=lambda bucket: order.get(bucket[0], 99))
        else:
            buckets.sort(key=lambda bucket: (-bucket[1], bucket[0]))
        chosen = str(getattr(params, name))
        facets[name] = [
            {
                "value": value,
                "label": _label(name, value),
                "count": count,
                "selected": value == chosen,
            }
            for value, count in buckets[:FACET_SIZE]
            if count
        ]
    return facets
