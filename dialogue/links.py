"""The bridge to the procedure directory (search app): published questions about a procedure.

The directory's procedure page calls `questions_about_procedure(code)` (see procedures/links.py)
and lists each item's `title` and `url`. Nothing here imports the directory, so either side
can change without the other.
"""

import datetime
from dataclasses import dataclass

from .models import DialogueIndexPage, PublishedQuestion


@dataclass(frozen=True)
class QuestionLink:
    title: str
    url: str
    answered_on: datetime.date
    answering_body: str


def published_about(code):
    """Published, anonymised questions that reference procedure `code`, newest first."""
    return (
        PublishedQuestion.objects.filter(
            question__procedure_references__code__iexact=(code or "").strip()
        )
        .select_related("answering_body")
        .order_by("-published_at", "-pk")
        .distinct()
    )


def questions_about_procedure(code, limit=10, request=None):
    """Up to `limit` published questions about procedure `code`, as title + URL items."""
    page = DialogueIndexPage.objects.live().first()
    if page is None:
        return []
    return [
        QuestionLink(
            title=item.title,
            url=page.subpage_url("detail", item.pk, request=request),
            answered_on=item.answered_on,
            answering_body=item.answering_body.name,
        )
        for item in published_about(code)[:limit]
    ]
