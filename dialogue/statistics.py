"""Public answer-time statistics: received, answered, overdue, median working days to answer —
per agency and overall.

Aggregates only; no question text and no personal data leave this module. The agency rows
add up to the province's total: questions no moderator has assigned yet get a row of their
own ("Chưa phân công").
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .deadlines import working_days_between
from .models import Agency, Question

S = Question.Status
UNASSIGNED = "unassigned"  # the key of the row of questions not yet assigned
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
    unassigned: bool = False

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
    grouped = Question.objects.values("assigned_agency").annotate(
        received=Count("pk"),
        answered=Count("pk", filter=Q(status__in=ANSWERED)),
        published=Count("pk", filter=Q(status=S.PUBLISHED)),
        rejected=Count("pk", filter=Q(status=S.REJECTED)),
        overdue=Count("pk", filter=Q(status__in=Question.OPEN_STATUSES, due_date__lt=today)),
    )
    names = dict(Agency.objects.values_list("pk", "name"))
    for item in grouped:
        agency = item.pop("assigned_agency")
        if agency is None:
            per_agency[UNASSIGNED] = Row(name=_("Chưa phân công"), unassigned=True, **item)
        else:
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
        for key in {None, UNASSIGNED if agency is None else agency}:
            durations[key].append(days)
            late[key] += late_answer
    for key, row in [(None, overall), *per_agency.items()]:
        if durations[key]:
            row.median_days = round(statistics.median(durations[key]), 1)
        row.answered_late = late[key]
    rows = sorted(per_agency.values(), key=lambda row: (row.unassigned, -row.received, row.name))
    return overall, rows
