"""Public answer-time statistics: received, answered, overdue, median working days to answer —
per agency and overall.

Aggregates only; no question text and no personal data leave this module.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from .deadlines import working_days_between
from .models import Agency, Question

S = Question.Status
ANSWERED = (S.ANSWERED, S.PUBLISHED)


@dataclass
class Row:
    name: str
    received: int = 0
    answered: int = 0
    published: int = 0
    rejected: int = 0
    overdue: int = 0
    answered_late: int = 0
    median_days: float | None = None

    @property
    def open(self):
        return self.received - self.answered - self.rejected


def _counts(queryset, today):
    return queryset.aggregate(
        received=Count("pk"),
        answered=Count("pk", filter=Q(status__in=ANSWERED)),
        published=Count("pk", filter=Q(status=S.PUBLISHED)),
        rejected=Count("pk", filter=Q(status=S.REJECTED)),
        overdue=Count("pk", filter=Q(status__in=Question.OPEN_STATUSES, due_date__lt=today)),
    )


def compute(today=None):
    """Return (overall Row, [Row per agency that has been assigned questions])."""
    today = today or timezone.localdate()
    overall = Row(name="", **_counts(Question.objects.all(), today))
    per_agency = {}
    grouped = (
        Question.objects.filter(assigned_agency__isnull=False)
        .values("assigned_agency")
        .annotate(
            received=Count("pk"),
            answered=Count("pk", filter=Q(status__in=ANSWERED)),
            published=Count("pk", filter=Q(status=S.PUBLISHED)),
            rejected=Count("pk", filter=Q(status=S.REJECTED)),
            overdue=Count("pk", filter=Q(status__in=Question.OPEN_STATUSES, due_date__lt=today)),
        )
    )
    names = dict(Agency.objects.values_list("pk", "name"))
    for item in grouped:
        agency = item.pop("assigned_agency")
        per_agency[agency] = Row(name=names.get(agency, ""), **item)

    durations = defaultdict(list)
    late = defaultdict(int)
    answered = Question.objects.filter(status__in=ANSWERED, answered_at__isnull=False)
    for agency, submitted, answered_at, due in answered.values_list(
        "assigned_agency", "submitted_at", "answered_at", "due_date"
    ).iterator():
        # Working days, as the deadline is counted: the two figures can be compared.
        answered_on = timezone.localdate(answered_at)
        days = working_days_between(timezone.localdate(submitted), answered_on)
        late_answer = answered_on > due
        for key in {None, agency}:
            durations[key].append(days)
            late[key] += late_answer
    for key, row in [(None, overall), *per_agency.items()]:
        if durations[key]:
            row.median_days = round(statistics.median(durations[key]), 1)
        row.answered_late = late[key]
    rows = sorted(per_agency.values(), key=lambda row: (-row.received, row.name))
    return overall, rows
