"""Lịch công tác: weeks from Monday in Asia/Ho_Chi_Minh, the public week, print, iCalendar,
"điều chỉnh" after publication, and an editor filling a week from the week before."""

import datetime
import re
import zoneinfo

import pytest
from icalendar import Calendar

from government import schedule
from government.models import ScheduleEntry, ScheduleWeek
from tests.government.conftest import make_leader, monday

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
UTC = datetime.UTC


def make_week(first_day, leader, published=True, entries=2):
    week = ScheduleWeek.objects.create(monday=first_day)
    for number in range(entries):
        ScheduleEntry.objects.create(
            week=week,
            leader=leader,
            day=first_day + datetime.timedelta(days=number),
            start_time=datetime.time(8 + number),
            end_time=datetime.time(10 + number),
            content=f"Họp giao ban số {number + 1}",
            place="Phòng họp số 1",
            participants="Các sở, ngành",
            preparing_unit="Văn phòng UBND tỉnh",
        )
    if published:
        week.status = ScheduleWeek.Status.PUBLISHED
        week.save()
    return week


def test_weeks_begin_on_monday_in_ho_chi_minh_time():
    # Sunday 6 Dec 2026, 23:30 UTC is already Monday 7 Dec, 06:30 in Vietnam.
    late_sunday_utc = datetime.datetime(2026, 12, 6, 23, 30, tzinfo=UTC)
    assert schedule.this_monday(late_sunday_utc) == datetime.date(2026, 12, 7)
    # Sunday 6 Dec, 16:59 UTC is still Sunday 23:59 in Vietnam: the week of 30 Nov.
    assert schedule.this_monday(datetime.datetime(2026, 12, 6, 16, 59, tzinfo=UTC)) == (
        datetime.date(2026, 11, 30)
    )
    assert schedule.parse_week("2026-12-10") == datetime.date(2026, 12, 7)
    assert schedule.parse_week("10/12/2026") == datetime.date(2026, 12, 7)
    assert schedule.parse_week("2026-W50") == datetime.date(2026, 12, 7)
    for bad in ("2026-13-01", "abc", "31/02/2026", "2026-W60"):
        with pytest.raises(schedule.BadWeek):
            schedule.parse_week(bad)


def test_week_view_shows_the_published_week_with_previous_and_next(
    client, schedule_page, vice_chair
):
    first = monday(2026, 12, 7)
    make_week(first, vice_chair)
    make_week(first + datetime.timedelta(days=7), vice_chair, published=False)

    html = client.get("/lich-cong-tac/?tuan=2026-12-09").content.decode()

    assert "Tuần từ 07/12/2026 đến 13/12/2026" in html
    assert "Họp giao ban số 1" in html and "Họp giao ban số 2" in html
    assert "Trần Thị Hạnh" in html and "Văn phòng UBND tỉnh" in html
    assert 'href="/lich-cong-tac/?tuan=2026-11-30" rel="prev"' in html
    assert 'href="/lich-cong-tac/?tuan=2026-12-14" rel="next"' in html
    draft = client.get("/lich-cong-tac/?tuan=2026-12-14").content.decode()
    assert "Họp giao ban" not in draft
    assert "chưa được công bố" in draft


def row_cells(html, text):
    """The cells of the schedule row showing `text`, as visible text."""
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)
    row = next(row for row in rows if text in row)
    cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


def test_each_row_shows_time_leader_content_place_participants_and_unit(
    client, schedule_page, vice_chair
):
    make_week(monday(2026, 12, 7), vice_chair)
    html = client.get("/lich-cong-tac/?tuan=2026-12-07").content.decode()
    expected = ["Trần Thị Hạnh", "Phòng họp số 1", "Các sở, ngành", "Văn phòng UBND tỉnh"]

    first = row_cells(html, "Họp giao ban số 1")
    assert first[0].endswith("07/12/2026")  # the day heads its first row
    assert first[1:] == ["08:00–10:00", expected[0], "Họp giao ban số 1", *expected[1:]]
    assert row_cells(html, "Họp giao ban số 2")[1:] == [
        "09:00–11:00",
        expected[0],
        "Họp giao ban số 2",
        *expected[1:],
    ]
    # one leader's week: the same row without the leader column
    mine = client.get("/lich-cong-tac/lanh-dao/tran-thi-hanh/?tuan=2026-12-07").content.decode()
    assert row_cells(mine, "Họp giao ban số 1")[1:] == [
        "08:00–10:00",
        "Họp giao ban số 1",
        *expected[1:],
    ]


def test_a_leaders_week_shows_only_theirs(client, schedule_page, committee, vice_chair):
    other = make_leader(committee, "Lê Quang Minh", "Phó Chủ tịch", slug="le-quang-minh")
    first = monday(2026, 12, 7)
    week = make_week(first, vice_chair)
    ScheduleEntry.objects.create(
        week=week,
        leader=other,
        day=first,
        start_time=datetime.time(14),
        content="Đối thoại với doanh nghiệp",
    )

    html = client.get("/lich-cong-tac/lanh-dao/tran-thi-hanh/?tuan=2026-12-07").content.decode()

    assert "Họp giao ban số 1" in html
    assert "Đối thoại với doanh nghiệp" not in html
    assert client.get("/lich-cong-tac/lanh-dao/khong-co/").status_code == 404


def test_bad_week_is_a_400_in_vietnamese(client, schedule_page):
    response = client.get("/lich-cong-tac/?tuan=tuan-sau")
    assert response.status_code == 400
    assert "Tuần không hợp lệ" in response.content.decode()


def test_print_view(client, schedule_page, vice_chair):
    make_week(monday(2026, 12, 7), vice_chair)
    html = client.get("/lich-cong-tac/?tuan=2026-12-07&ban-in=1").content.decode()
    assert "Họp giao ban số 1" in html
    assert 'class="print-view"' in html
    assert "site-header" not in html


def test_icalendar_feeds_parse_and_carry_the_entries(client, schedule_page, committee, vice_chair):
    other = make_leader(committee, "Lê Quang Minh", "Phó Chủ tịch", slug="le-quang-minh")
    this_week = schedule.this_monday()
    week = make_week(this_week, vice_chair)
    ScheduleEntry.objects.create(
        week=week, leader=other, day=this_week, start_time=datetime.time(14), content="Tiếp dân"
    )
    make_week(this_week + datetime.timedelta(days=7), vice_chair, published=False)

    response = client.get("/lich-cong-tac/ical/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 3  # the draft week is not in the feed
    first = next(e for e in events if "Họp giao ban số 1" in str(e["SUMMARY"]))
    start = first.decoded("DTSTART")
    assert start.utcoffset() == datetime.timedelta(hours=7)
    assert start.astimezone(HCM).time() == datetime.time(8)
    assert first.decoded("DTEND").astimezone(HCM).time() == datetime.time(10)
    assert str(first["LOCATION"]) == "Phòng họp số 1"
    untimed = next(e for e in events if "Tiếp dân" in str(e["SUMMARY"]))
    assert untimed.decoded("DTEND") - untimed.decoded("DTSTART") == datetime.timedelta(hours=1)

    # RFC 5545: the zone every TZID names is described in the feed itself, and a client that
    # reads the time with that description (not its own tz database) gets 08:00 +07:00.
    assert first["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert [zone.tz_name for zone in calendar.timezones] == ["Asia/Ho_Chi_Minh"]
    assert calendar.get_missing_tzids() == set()
    assert response.content.index(b"BEGIN:VTIMEZONE") < response.content.index(b"BEGIN:VEVENT")
    own_zone = calendar.timezones[0].to_tz(lookup_tzid=False)
    as_written = start.replace(tzinfo=own_zone)
    eight_in_hue = datetime.datetime.combine(this_week, datetime.time(8), tzinfo=HCM)
    assert as_written == start == eight_in_hue
    assert as_written.astimezone(UTC).time() == datetime.time(1)

    mine = Calendar.from_ical(client.get("/lich-cong-tac/lanh-dao/tran-thi-hanh/ical/").content)
    assert len(mine.walk("VEVENT")) == 2
    assert [zone.tz_name for zone in mine.timezones] == ["Asia/Ho_Chi_Minh"]
    assert "Trần Thị Hạnh" in str(mine["X-WR-CALNAME"])


def test_a_change_after_publication_is_marked_dieu_chinh(client, schedule_page, vice_chair):
    # This week, not a fixed date: the feed only carries weeks from four weeks back.
    week = make_week(schedule.this_monday(), vice_chair)
    assert not week.entries.filter(adjusted_at__isnull=False).exists()  # as announced

    entry = week.entries.first()
    entry.save()  # saved unchanged: still as announced
    entry.refresh_from_db()
    assert entry.adjusted_at is None
    entry.place = "Hội trường tầng 3"
    entry.save()

    html = client.get(f"/lich-cong-tac/?tuan={week.monday:%Y-%m-%d}").content.decode()
    assert html.count("Điều chỉnh</strong>") == 1
    calendar = Calendar.from_ical(client.get("/lich-cong-tac/ical/").content)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert "[Điều chỉnh] Trần Thị Hạnh: Họp giao ban số 1" in summaries


def entries_formset(prefix="entries", forms=()):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(forms)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, fields in enumerate(forms):
        data[f"{prefix}-{index}-id"] = ""  # a new entry, unless `fields` names its id
        for name, value in fields.items():
            data[f"{prefix}-{index}-{name}"] = value
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
        data[f"{prefix}-{index}-DELETE"] = ""
    data[f"{prefix}-INITIAL_FORMS"] = str(sum(1 for fields in forms if fields.get("id")))
    return data


def entry_fields(entry):
    """What the admin form shows for an existing entry, as the browser posts it back."""
    return {
        "id": str(entry.pk),
        "leader": str(entry.leader_id),
        "day": entry.day.isoformat(),
        "start_time": f"{entry.start_time:%H:%M}",
        "end_time": f"{entry.end_time:%H:%M}" if entry.end_time else "",
        "content": entry.content,
        "place": entry.place,
        "participants": entry.participants,
        "preparing_unit": entry.preparing_unit,
    }


def test_editor_fills_a_week_from_a_copy_of_last_week(admin_client, vice_chair):
    make_week(monday(2026, 12, 7), vice_chair, entries=3)

    response = admin_client.post(
        "/admin/chinh-quyen/lich-cong-tac/add/",
        {
            "monday": "2026-12-14",
            "status": "draft",
            "note": "",
            "copy_previous": "on",
            **entries_formset(),
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    new_week = ScheduleWeek.objects.get(monday=datetime.date(2026, 12, 14))
    days = sorted(new_week.entries.values_list("day", flat=True))
    assert days == [datetime.date(2026, 12, 14 + offset) for offset in range(3)]
    assert not new_week.entries.filter(adjusted_at__isnull=False).exists()


def test_editor_enters_a_whole_week_on_one_form_and_a_tuesday_is_refused(admin_client, vice_chair):
    entry = {
        "leader": str(vice_chair.pk),
        "start_time": "08:00",
        "end_time": "",
        "content": "Làm việc với Sở Y tế",
        "place": "Sở Y tế",
        "participants": "",
        "preparing_unit": "Sở Y tế",
    }
    refused = admin_client.post(
        "/admin/chinh-quyen/lich-cong-tac/add/",
        {"monday": "2026-12-15", "status": "draft", **entries_formset()},
    )
    assert refused.status_code == 200
    assert "Tuần làm việc bắt đầu từ thứ Hai." in refused.content.decode()

    response = admin_client.post(
        "/admin/chinh-quyen/lich-cong-tac/add/",
        {
            "monday": "2026-12-14",
            "status": "published",
            **entries_formset(
                forms=[{**entry, "day": "2026-12-14"}, {**entry, "day": "2026-12-16"}]
            ),
        },
    )
    assert response.status_code == 302
    week = ScheduleWeek.objects.get(monday=datetime.date(2026, 12, 14))
    assert week.entries.count() == 2
    assert week.published_at is not None
    assert not week.entries.filter(adjusted_at__isnull=False).exists()


def test_an_edit_through_the_admin_form_marks_only_the_changed_entry(
    admin_client, client, schedule_page, vice_chair
):
    week = make_week(schedule.this_monday(), vice_chair)  # this week: in the feed too
    url = f"/lich-cong-tac/?tuan={week.monday:%Y-%m-%d}"
    assert "Điều chỉnh</strong>" not in client.get(url).content.decode()  # cached as announced
    moved, unchanged = (entry_fields(entry) for entry in week.entries.order_by("day"))

    response = admin_client.post(
        f"/admin/chinh-quyen/lich-cong-tac/edit/{week.pk}/",
        {
            "monday": week.monday.isoformat(),
            "status": "published",
            "note": "",
            **entries_formset(forms=[{**moved, "place": "Hội trường tầng 3"}, unchanged]),
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    html = client.get(url).content.decode()
    assert html.count("Điều chỉnh</strong>") == 1
    assert row_cells(html, "Họp giao ban số 1")[3:5] == [
        "Điều chỉnh Họp giao ban số 1",
        "Hội trường tầng 3",
    ]
    assert "Điều chỉnh" not in row_cells(html, "Họp giao ban số 2")[3]
    calendar = Calendar.from_ical(client.get("/lich-cong-tac/ical/").content)
    summaries = sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
    assert summaries == [
        "Trần Thị Hạnh: Họp giao ban số 2",
        "[Điều chỉnh] Trần Thị Hạnh: Họp giao ban số 1",
    ]


def test_each_week_has_its_own_canonical_address(client, schedule_page, vice_chair):
    """On the Site's root URL (http://localhost in tests) like every page's, whatever host the
    request named; the print view names the week it prints, not the schedule's first page."""
    week = schedule.this_monday() + datetime.timedelta(days=7)  # another week than this one
    iso = week.isocalendar()
    own = f"http://localhost/lich-cong-tac/lanh-dao/tran-thi-hanh/?tuan={week:%Y-%m-%d}"
    this_week = "http://localhost/lich-cong-tac/"
    for url, canonical in (
        (
            f"/lich-cong-tac/lanh-dao/tran-thi-hanh/?tuan={week + datetime.timedelta(3):%d/%m/%Y}",
            own,
        ),
        (f"/lich-cong-tac/lanh-dao/tran-thi-hanh/?tuan={iso.year}-W{iso.week:02d}&ban-in=1", own),
        ("/lich-cong-tac/?ban-in=1", this_week),
        ("/lich-cong-tac/?tuan=" + f"{schedule.this_monday():%Y-%m-%d}", this_week),
    ):
        html = client.get(url).content.decode()  # the request names http://testserver
        assert re.findall(r'<link rel="canonical" href="([^"]*)"', html) == [canonical], url


def test_home_page_shows_the_coming_entries(client, schedule_page, vice_chair):
    this_week = schedule.this_monday()
    make_week(this_week, vice_chair, entries=7)
    make_week(this_week + datetime.timedelta(days=7), vice_chair, published=False)

    html = client.get("/").content.decode()

    section = html[html.index('aria-labelledby="lich-cong-tac"') :]
    today = schedule.today()
    number = (today - this_week).days + 1
    assert f"Trần Thị Hạnh: Họp giao ban số {number}" in section
    if number > 1:
        assert f"Họp giao ban số {number - 1}<" not in section  # a past day is not "coming"
    assert f'href="/lich-cong-tac/lanh-dao/tran-thi-hanh/?tuan={this_week:%Y-%m-%d}"' in section
