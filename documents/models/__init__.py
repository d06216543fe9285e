from documents.models.documents import (
    AttachmentFile,
    DocumentAttachment,
    DocumentIndexPage,
    DocumentRelation,
    LegalDocumentPage,
    RelationKind,
    Source,
    Validity,
)
from documents.models.drafts import ConsultationIndexPage, DraftComment, DraftPage
from documents.models.lists import DocumentField, DocumentType, Issuer

__all__ = [
    "ConsultationIndexPage",
    "DraftComment",
    "DraftPage",
    "AttachmentFile",
    "DocumentAttachment",
    "DocumentField",
    "DocumentIndexPage",
    "DocumentRelation",
    "DocumentType",
    "Issuer",
    "LegalDocumentPage",
    "RelationKind",
    "Source",
    "Validity",
]
