"""Weeks of the work schedule: Monday to Sunday in Asia/Ho_Chi_Minh, and the iCalendar feed.

`?tuan=` names a week by any of its days (ISO date `2026-12-07` or `07/12/2026`) or as an
ISO week (`2026-W50`); anything else is a 400. "This week" is the week of today's date in
the portal's time zone (TIME_ZONE), never the server's or UTC's, so at 23:30 UTC on a
Sunday Vietnamese visitors already see the next week.
"""

import datetime
import re
import zoneinfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

ISO_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
VN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
EVENT_WITHOUT_END = datetime.timedelta(hours=1)
PRODID = "-//Cong thong tin dien tu tinh//Lich cong tac//VI"


class BadWeek(ValueError):
    pass


def portal_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def today(now=None):
    """Today's date in the portal's time zone."""
    return (now or timezone.now()).astimezone(portal_zone()).date()


def this_monday(now=None):
    return monday_of(today(now))


def parse_week(raw, now=None):
    """The Monday of the week `raw` names; this week when empty. Raises BadWeek."""
    raw = (raw or "").strip()
    if not raw:
        return this_monday(now)
    try:
        if match := ISO_WEEK.match(raw):
            return datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        if match := VN_DATE.match(raw):
            return monday_of(datetime.date(int(match[3]), int(match[2]), int(match[1])))
        return monday_of(datetime.date.fromisoformat(raw))
    except ValueError as error:
        raise BadWeek(raw) from error


def week_days(monday):
    return [monday + datetime.timedelta(days=offset) for offset in range(7)]


def copy_week(source, target):
    """Copy `source` week's entries into `target` (a week later or any week), shifted by
    the same weekday. Returns the number of entries copied; adjusted marks are not copied."""
    from government.models import ScheduleEntry

    shift = target.monday - source.monday
    copies = [
        ScheduleEntry(
            week=target,
            leader_id=entry.leader_id,
            day=entry.day + shift,
            start_time=entry.start_time,
            end_time=entry.end_time,
            content=entry.content,
            place=entry.place,
            participants=entry.participants,
            preparing_unit=entry.preparing_unit,
        )
        for entry in source.entries.all()
    ]
    ScheduleEntry.objects.bulk_create(copies)
    return len(copies)


def calendar_for(entries, name, url):
    """An RFC 5545 calendar (bytes) of `entries`, times in Asia/Ho_Chi_Minh.

    Times carry `TZID=Asia/Ho_Chi_Minh`, so the calendar carries that zone's VTIMEZONE
    (RFC 5545 §3.2.19: every TZID needs one): a client without the tz database still reads
    08:00 as 01:00 UTC. The VTIMEZONE covers only the feed's days, a few lines instead of
    the zone's history since 1970.
    """
    zone = portal_zone()
    days = []
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = url.split("/")[2] if "://" in url else "portal"
    for entry in entries:
        start = datetime.datetime.combine(entry.day, entry.start_time, tzinfo=zone)
        if entry.end_time:
            end = datetime.datetime.combine(entry.day, entry.end_time, tzinfo=zone)
        else:
            end = start + EVENT_WITHOUT_END
        days += [start.date(), end.date()]
        event = Event()
        event.add("uid", f"lich-cong-tac-{entry.pk}@{host}")
        event.add("dtstamp", entry.adjusted_at or entry.week.published_at or timezone.now())
        event.add("dtstart", start)
        event.add("dtend", end)
        summary = f"{entry.leader.title}: {entry.content}"
        if entry.adjusted_at:
            summary = f"[Điều chỉnh] {summary}"
        event.add("summary", summary)
        if entry.place:
            event.add("location", entry.place)
        details = []
        if entry.participants:
            details.append(f"Thành phần: {entry.participants}")
        if entry.preparing_unit:
            details.append(f"Đơn vị chuẩn bị: {entry.preparing_unit}")
        if details:
            event.add("description", "\n".join(details))
        event.add("url", url)
        if entry.adjusted_at:
            event.add("last-modified", entry.adjusted_at)
        calendar.add_component(event)
    if days:
        calendar.add_missing_timezones(
            first_date=min(days), last_date=max(days) + datetime.timedelta(days=1)
        )
    return calendar.to_ical()
