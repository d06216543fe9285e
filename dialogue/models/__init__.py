"""The dialogue section's models, one module per concern."""

from .audit import QuestionLogEntry
from .directory import Agency, AnswerTemplate, Sector
from .operations import Notification, RateLimitCounter
from .pages import DialogueIndexPage
from .publication import PublishedQuestion
from .questions import InternalNote, ProcedureReference, Question

__all__ = [
    "Agency",
    "AnswerTemplate",
    "DialogueIndexPage",
    "InternalNote",
    "Notification",
    "ProcedureReference",
    "PublishedQuestion",
    "Question",
    "QuestionLogEntry",
    "RateLimitCounter",
    "Sector",
]
