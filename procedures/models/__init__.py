"""The procedure directory's models: the catalogue (`procedures`), its page (`pages`) and the
citizens' words the search expands (`synonyms`)."""

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
from .synonyms import SearchSynonym, SynonymKind
from .terms import SearchTermResult

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
    "SearchSynonym",
    "SearchTermResult",
    "SynonymKind",
]
