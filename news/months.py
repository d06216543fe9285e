"""The month grid of "Xem tin theo ngày": which days of a month have news."""

import calendar
import datetime
from dataclasses import dataclass

from django.utils import timezone

from news import listing
from news.forms import FIRST_YEAR, LAST_YEAR


@dataclass(frozen=True)
class CalendarDay:
    day: datetime.date
    articles: int
    selected: bool
    today: bool


@dataclass(frozen=True)
class MonthGrid:
    month: datetime.date
    last_day: datetime.date
    weeks: list
    previous: datetime.date | None
    next: datetime.date | None

    @property
    def total(self):
        return sum(day.articles for week in self.weeks for day in week if day)


def add_months(month, delta):
    index = month.year * 12 + month.month - 1 + delta
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_grid(queryset, month, selected=None):
    """Weeks Monday to Sunday (Thứ Hai … Chủ nhật); None pads the days of other months."""
    month = month.replace(day=1)
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    counts = listing.count_by_day(queryset, month, last)
    today = timezone.localdate()
    weeks = [
        [
            CalendarDay(day, counts.get(day, 0), day == selected, day == today)
            if day.month == month.month
            else None
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
            month.year, month.month
        )
    ]
    previous = add_months(month, -1)
    following = add_months(month, 1)
    return MonthGrid(
        month=month,
        last_day=last,
        weeks=weeks,
        previous=previous if previous.year >= FIRST_YEAR else None,
        next=following if following <= today and following.year <= LAST_YEAR else None,
    )
