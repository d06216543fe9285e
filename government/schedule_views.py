"""The public work schedule: a week (all leaders or one), its print view, iCalendar feeds.

`WorkSchedulePage` routes here (government/models/schedule.py):
- `/lich-cong-tac/?tuan=…` — one week of every leader, day by day; `&ban-in=1` to print;
- `/lich-cong-tac/lanh-dao/<leader>/?tuan=…` — one leader's week;
- `/lich-cong-tac/ical/`, `/lich-cong-tac/lanh-dao/<leader>/ical/` — iCalendar feeds
  of the published weeks from four weeks back on.
Only published weeks are shown. A bad `tuan` is a 400 and an unknown leader a 404, each with
a Vietnamese message.
"""

import datetime

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from government import schedule
from government.models import LeaderPage, ScheduleEntry, ScheduleWeek

FEED_WEEKS_BACK = 4


def _leader(page, slug):
    """The leader whose (Vietnamese) page slug is `slug`, or None for every leader."""
    if slug is None:
        return None
    leader = (
        LeaderPage.objects.live()
        .public()
        .filter(slug=slug, locale__language_code="vi")
        .order_by("path")
        .first()
    )
    if leader is None:
        raise Http404(_("Không có lãnh đạo này."))
    return leader


def week_view(page, request, leader_slug=None):
    leader = _leader(page, leader_slug)
    try:
        monday = schedule.parse_week(request.GET.get("tuan"))
    except schedule.BadWeek:
        return TemplateResponse(
            request,
            "government/schedule_error.html",
            {"page": page, "message": _("Tuần không hợp lệ. Ví dụ đúng: ?tuan=2026-12-07.")},
            status=400,
        )
    week = ScheduleWeek.objects.filter(monday=monday, status=ScheduleWeek.Status.PUBLISHED).first()
    entries = []
    if week is not None:
        entries = week.entries.select_related("leader")
        if leader is not None:
            entries = entries.filter(leader=leader)
    days = [
        {"date": day, "entries": [entry for entry in entries if entry.day == day]}
        for day in schedule.week_days(monday)
    ]
    subpath = page.reverse_subpage("leader_week", args=(leader.slug,)) if leader else ""
    base = page.url + subpath
    this_week = schedule.this_monday()
    context = page.get_context(request)
    context.update(
        {
            "week": week,
            "monday": monday,
            "sunday": monday + datetime.timedelta(days=6),
            "days": days,
            "leader": leader,
            "leaders": _leaders(),
            "is_this_week": monday == this_week,
            "previous_url": f"{base}?tuan={monday - datetime.timedelta(days=7):%Y-%m-%d}",
            "next_url": f"{base}?tuan={monday + datetime.timedelta(days=7):%Y-%m-%d}",
            "this_week_url": base,
            "print_url": f"{base}?tuan={monday:%Y-%m-%d}&ban-in=1",
            "feed_url": page.url
            + (
                page.reverse_subpage("leader_calendar", args=(leader.slug,))
                if leader
                else page.reverse_subpage("calendar")
            ),
            "base_url": base,
            "has_entries": any(day["entries"] for day in days),
            # Each week has its own address; this week's is the bare one. On the Site's root
            # URL like every page's canonical, not on whatever host the request named; the
            # print view names the week it prints.
            "canonical_url": page.get_full_url(request)
            + subpath
            + ("" if monday == this_week else f"?tuan={monday:%Y-%m-%d}"),
        }
    )
    template = "government/work_schedule_page.html"
    if request.GET.get("ban-in") == "1":
        template = "government/work_schedule_print.html"
    return TemplateResponse(request, template, context)


def _leaders():
    """Leaders that have entries in the schedule (the leader menu), Vietnamese pages."""
    ids = ScheduleEntry.objects.values("leader_id").distinct()
    return list(LeaderPage.objects.live().public().filter(pk__in=ids).order_by("path"))


def calendar_feed(page, request, leader_slug=None):
    leader = _leader(page, leader_slug)
    since = schedule.this_monday() - datetime.timedelta(weeks=FEED_WEEKS_BACK)
    entries = ScheduleEntry.objects.filter(
        week__status=ScheduleWeek.Status.PUBLISHED, week__monday__gte=since
    ).select_related("leader", "week")
    name = _("Lịch công tác")
    if leader is not None:
        entries = entries.filter(leader=leader)
        name = f"{name} – {leader.title}"
    url = request.build_absolute_uri(page.url)
    body = schedule.calendar_for(entries.order_by("day", "start_time", "pk"), name, url)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    filename = slugify(leader.slug if leader else "lich-cong-tac") or "lich-cong-tac"
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response
