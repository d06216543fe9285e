"""Answer deadlines and answer times, both counted in working days (Monday to Friday, public
holidays excluded): the day of receipt does not count, the day of the answer does, so an
answer given on its due date took exactly DIALOGUE_DEADLINE_WORKING_DAYS days.
"""

import datetime

from django.conf import settings


def _is_holiday(day):
    if day.strftime("%m-%d") in settings.DIALOGUE_FIXED_HOLIDAYS:
        return True
    return day.isoformat() in settings.DIALOGUE_HOLIDAYS


def is_working_day(day):
    return day.weekday() < 5 and not _is_holiday(day)


def add_working_days(start, days):
    """The date `days` working days after `start` (the day of receipt does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def due_date(received_on):
    return add_working_days(received_on, settings.DIALOGUE_DEADLINE_WORKING_DAYS)


def _weekdays_after(start, end):
    """Monday-to-Friday days in (start, end], in constant time."""
    span = (end - start).days
    full_weeks, rest = divmod(span, 7)
    count = full_weeks * 5
    for offset in range(1, rest + 1):
        count += (start + datetime.timedelta(days=offset)).weekday() < 5
    return count


def _holidays_after(start, end):
    """Holidays falling on a weekday in (start, end]."""
    days = {datetime.date.fromisoformat(text) for text in settings.DIALOGUE_HOLIDAYS}
    for year in range(start.year, end.year + 1):
        for month_day in settings.DIALOGUE_FIXED_HOLIDAYS:
            month, day = (int(part) for part in month_day.split("-"))
            days.add(datetime.date(year, month, day))
    return sum(1 for day in days if start < day <= end and day.weekday() < 5)


def working_days_between(start, end):
    """Working days from `start` (not counted) to `end` (counted); 0 when end <= start."""
    if end <= start:
        return 0
    return _weekdays_after(start, end) - _holidays_after(start, end)
