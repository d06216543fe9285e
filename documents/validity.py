"""Validity that other documents decide: "bị bãi bỏ" and "bị thay thế".

A document is repealed or replaced from the day a live document that repeals or replaces it
takes effect. That day and the kind are copied onto the ended document (`ended_on`,
`ended_kind`), so that both search backends filter and count validity by dates alone. They
are recomputed whenever a document is published, unpublished or deleted.
"""

from documents.models import DocumentRelation, LegalDocumentPage
from documents.models.documents import ENDING


def refresh_endings():
    """Recompute `ended_on`/`ended_kind` everywhere; return the ids whose values changed."""
    wanted = {}
    rows = DocumentRelation.objects.filter(page__live=True, kind__in=list(ENDING)).values_list(
        "target_id", "kind", "page__in_force_from"
    )
    for target, kind, start in rows:
        if start is None:
            continue
        current = wanted.get(target)
        if current is None or start < current[0]:
            wanted[target] = (start, ENDING[kind].value)
    ended = LegalDocumentPage.objects.filter(ended_on__isnull=False)
    current = {pk: (on, kind) for pk, on, kind in ended.values_list("pk", "ended_on", "ended_kind")}
    changed = []
    for pk in set(wanted) | set(current):
        value = wanted.get(pk, (None, ""))
        if current.get(pk, (None, "")) != value:
            LegalDocumentPage.objects.filter(pk=pk).update(ended_on=value[0], ended_kind=value[1])
            changed.append(pk)
    return changed
