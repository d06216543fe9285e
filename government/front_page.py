"""The home page's government slots.

- "announcements": Thông báo and Thông cáo báo chí valid now. The slot is a live fragment
  (government/live.py): the home page stays in the page cache, and an announcement appears
  at its start and leaves at its end time without the cache being emptied.
- "schedule": the leaders' next entries of the published schedule, from today (Asia/Ho_Chi_Minh)
  to the end of the week after, each linking to that leader's week; one query. Saving a
  schedule week empties the page cache (PAGE_CACHE_PURGE_MODELS).
"""

import datetime

from home import front_page

from . import schedule
from .models import ScheduleEntry, ScheduleWeek

SCHEDULE_ITEMS = 5


def valid_announcements(home, request):
    """One item: the filled live slot (the template prints it as it is)."""
    return [{"live": "announcements"}]


def upcoming_schedule(home, request):
    page = front_page.section_page(home, request, "government.WorkSchedulePage")
    if page is None:
        return []
    today = schedule.today()
    entries = (
        ScheduleEntry.objects.filter(
            week__status=ScheduleWeek.Status.PUBLISHED,
            day__gte=today,
            day__lt=schedule.monday_of(today) + datetime.timedelta(days=14),
        )
        .select_related("leader")
        .only("day", "start_time", "content", "place", "leader__title", "leader__slug")
        .order_by("day", "start_time", "pk")[:SCHEDULE_ITEMS]
    )
    base = page.get_url(request) or "/"
    zone = schedule.portal_zone()
    return [
        {
            "title": f"{entry.leader.title}: {entry.content}",
            "url": base
            + page.reverse_subpage("leader_week", args=(entry.leader.slug,))
            + f"?tuan={schedule.monday_of(entry.day):%Y-%m-%d}",
            "start": datetime.datetime.combine(entry.day, entry.start_time, tzinfo=zone),
            "place": entry.place,
        }
        for entry in entries
    ]
