"""Answer deadlines counted in working days (Monday to Friday, public holidays excluded)."""

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
