"""The bridge to the procedure directory (search app): questions about a procedure, by code.

The directory calls `questions_about_procedure(procedure.code)` on its detail page; nothing
here imports it, so either side can land first.
"""

from .models import PublishedQuestion


def questions_about_procedure(code, limit=None):
    """Published, anonymised questions that reference the procedure `code`, newest first."""
    queryset = (
        PublishedQuestion.objects.filter(question__procedure_references__code=code.strip())
        .select_related("sector", "answering_body")
        .order_by("-published_at", "-pk")
        .distinct()
    )
    return queryset[:limit] if limit else queryset
