"""A procedure as JSON (the open-data API) and as schema.org GovernmentService (JSON-LD)."""

from procedures.models.procedures import LEVELS


def procedure_json(procedure, url):
    return {
        "code": procedure.code,
        "name": procedure.name,
        "url": url,
        "levels": [
            {"code": level.code, "name": LEVELS.get(level.code, level.name)}
            for level in procedure.levels.all()
        ],
        "field": procedure.field,
        "procedure_type": procedure.procedure_type,
        "issuing_agency": procedure.issuing_agency,
        "competent_agency": procedure.competent_agency,
        "agency": "; ".join(agency.name for agency in procedure.implementing_agencies.all()),
        "agencies": [agency.name for agency in procedure.implementing_agencies.all()],
        "delegated_agency": procedure.delegated_agency,
        "coordinating_agency": procedure.coordinating_agency,
        "reception_address": procedure.reception_address,
        "applicants": procedure.applicants,
        "steps": procedure.step_list,
        "ways": [
            {
                "method": way.method,
                "method_name": str(way.get_method_display()),
                "processing_time": way.processing_time,
                "time_value": way.time_value,
                "time_unit": way.time_unit,
                "fee": way.fee,
                "fee_amount": way.fee_amount,
                "description": way.description,
            }
            for way in procedure.ways.all()
        ],
        "dossier": [
            {
                "group": item.group,
                "name": item.name,
                "template": item.template,
                "originals": item.originals,
                "copies": item.copies,
            }
            for item in procedure.dossier_items.all()
        ],
        "conditions": procedure.conditions,
        "results": procedure.result_list,
        "legal_basis": [
            {"number": doc.number, "title": doc.title} for doc in procedure.legal_documents.all()
        ],
        "related_procedures": procedure.related_procedures,
        "online": {
            "code": procedure.online_level,
            "name": str(procedure.get_online_level_display()),
        },
        "source": {"code": procedure.source, "name": str(procedure.get_source_display())},
        "decision_number": procedure.decision_number,
        "updated_at": procedure.updated_at.isoformat(),
        "original_url": procedure.original_url,
    }


def government_service(procedure, url, area_name):
    """schema.org/GovernmentService for the procedure page (a JSON-LD data block)."""
    channels = []
    for way in procedure.ways.all():
        channel = {"@type": "ServiceChannel", "name": str(way.get_method_display())}
        description = "; ".join(part for part in (way.processing_time, way.fee) if part)
        if description:
            channel["description"] = description
        if way.method == "online" and procedure.original_url:
            channel["serviceUrl"] = procedure.original_url
        channels.append(channel)
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": procedure.name,
        "identifier": procedure.code,
        "url": url,
        "serviceType": procedure.field or None,
        "provider": [
            {"@type": "GovernmentOrganization", "name": agency.name}
            for agency in procedure.implementing_agencies.all()
        ]
        or None,
        "areaServed": {"@type": "AdministrativeArea", "name": area_name} if area_name else None,
        "audience": {"@type": "Audience", "audienceType": procedure.applicants}
        if procedure.applicants
        else None,
        "availableChannel": channels or None,
    }
    return {key: value for key, value in data.items() if value is not None}
