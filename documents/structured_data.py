"""A document as schema.org `Legislation` (JSON-LD) and as open-data JSON."""

from portal.jsonld import json_ld_text

__all__ = ["document_json", "json_ld_text", "legislation"]


def legislation(document, url, attachments):
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": document.title,
        "legislationIdentifier": document.number,
        "legislationType": document.document_type.name,
        "legislationDate": document.issue_date.isoformat(),
        "legislationDateOfApplicability": (
            document.in_force_from.isoformat() if document.in_force_from else None
        ),
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": document.issuer.name},
        "legislationLegalForce": _legal_force(document),
        "abstract": document.summary or None,
        "url": url,
        "encoding": [
            {"@type": "MediaObject", "name": str(a["attachment"]), "contentUrl": a["url"]}
            for a in attachments
        ]
        or None,
    }
    return {key: value for key, value in data.items() if value is not None}


def _legal_force(document):
    from documents.models import Validity

    validity = document.validity()
    if validity == Validity.IN_FORCE:
        return "https://schema.org/InForce"
    if validity == Validity.NOT_YET:
        return "https://schema.org/NotInForce"
    return "https://schema.org/NotInForce"


def document_json(document, url, attachments):
    validity = document.validity()
    return {
        "id": document.pk,
        "number": document.number,
        "title": document.title,
        "url": url,
        "type": document.document_type.name,
        "issuer": document.issuer.name,
        "field": document.field.name if document.field else "",
        "signer": document.signer,
        "issue_date": document.issue_date.isoformat(),
        "effective_date": document.in_force_from.isoformat() if document.in_force_from else None,
        "expiry_date": document.expiry_date.isoformat() if document.expiry_date else None,
        "status": {"code": validity.value, "name": str(validity.label)},
        "source": {"code": document.source, "name": str(document.get_source_display())},
        "summary": document.summary,
        "attachments": [
            {
                "name": str(a["attachment"]),
                "url": a["url"],
                "format": a["attachment"].extension,
                "downloads": a["downloads"],
            }
            for a in attachments
        ],
        "relations": [
            {"relation": str(label), "number": other.number, "id": other.pk}
            for label, other in sum(document.related_documents(), [])
        ],
    }
