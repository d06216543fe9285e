"""The procedure directory's models: the catalogue (`procedures`) and its page (`pages`)."""

from .pages import ProcedureDirectoryPage
from .procedures import (
    Agency,
    DossierItem,
    LegalDocument,
    Level,
    OnlineLevel,
    Procedure,
    ProcedureSource,
    SubmissionMethod,
    SubmissionWay,
)

__all__ = [
    "Agency",
    "DossierItem",
    "LegalDocument",
    "Level",
    "OnlineLevel",
    "Procedure",
    "ProcedureDirectoryPage",
    "ProcedureSource",
    "SubmissionMethod",
    "SubmissionWay",
]
