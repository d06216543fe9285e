"""The public archive: newest first, filters, folded search, detail, RSS, statistics."""

import datetime
import re

import pytest
from django.utils import timezone

from dialogue import workflow
from dialogue.models import Agency, PublishedQuestion, Question, Sector
from home.models import PortalSettings

from .conftest import ASK, FEED, SECTION, STATS, make_question, publish


@pytest.fixture
def archive(sector, leader, agency, moderator, answerer):
    land = Sector.objects.create(name="Đất đai")
    director = Agency.objects.create(name="Giám đốc Sở Tư pháp")
    items = {}
    for key, title, chosen_sector, addressee in [
        ("birth", "Đăng ký khai sinh cho con", sector, leader),
        ("land", "Cấp giấy chứng nhận quyền sử dụng đất", land, director),
        ("copy", "Chứng thực bản sao giấy tờ", sector, director),
    ]:
        question = make_question(
            chosen_sector, addressee, title=title, content=f"Xin hỏi về việc {title.lower()}."
        )
        items[key] = publish(question, agency, moderator, answerer, answer=f"Trả lời về {title}")
    # Publication order: birth, land, copy (newest).
    for offset, key in enumerate(["birth", "land", "copy"]):
        PublishedQuestion.objects.filter(question=items[key]).update(
            published_at=timezone.now() - datetime.timedelta(days=10 - offset)
        )
    items["land_sector"], items["director"] = land, director
    return items


def titles_in(html):
    order = ["Chứng thực bản sao", "Cấp giấy chứng nhận", "Đăng ký khai sinh"]
    return [title for title in sorted(order, key=lambda t: html.find(t)) if title in html]


def test_newest_first(client, section, archive):
    html = client.get(SECTION).content.decode()
    assert titles_in(html) == ["Chứng thực bản sao", "Cấp giấy chứng nhận", "Đăng ký khai sinh"]
    assert "3 câu hỏi" in html


def test_filter_by_field_and_addressee(client, section, archive):
    by_sector = client.get(SECTION, {"linh_vuc": archive["land_sector"].pk}).content.decode()
    assert titles_in(by_sector) == ["Cấp giấy chứng nhận"]

    by_addressee = client.get(SECTION, {"gui_toi": archive["director"].pk}).content.decode()
    assert titles_in(by_addressee) == ["Chứng thực bản sao", "Cấp giấy chứng nhận"]


def test_bad_filter_value_is_a_400(client, section, archive):
    response = client.get(SECTION, {"linh_vuc": "abc"})
    assert response.status_code == 400


def test_search_ignores_diacritics_and_case(client, section, archive):
    for query in ["đăng ký khai sinh", "dang ky khai sinh", "ĐĂNG KÝ", "khai"]:
        html = client.get(SECTION, {"q": query}).content.decode()
        assert "Đăng ký khai sinh cho con" in html, query
        assert "Cấp giấy chứng nhận" not in html, query


def test_search_finds_words_of_the_answer_within_a_filter(client, section, archive, sector):
    html = client.get(SECTION, {"q": "chung thuc", "linh_vuc": sector.pk}).content.decode()
    assert titles_in(html) == ["Chứng thực bản sao"]


def test_detail_shows_question_answer_body_and_dates(client, section, archive):
    publication = archive["birth"].publication
    response = client.get(f"{SECTION}{publication.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Đăng ký khai sinh cho con" in html
    assert "Trả lời về Đăng ký khai sinh cho con" in html
    assert "Trả lời của Sở Tư pháp" in html
    assert timezone.localdate().strftime("%d/%m/%Y") in html
    assert '"@type": "QAPage"' in html


def test_unpublished_and_unknown_questions_are_404(client, section, question, archive, moderator):
    assert client.get(f"{SECTION}{question.pk + 1000}/").status_code == 404
    publication_pk = archive["copy"].publication.pk
    workflow.unpublish(archive["copy"], moderator)
    assert client.get(f"{SECTION}{publication_pk}/").status_code == 404
    assert "Chứng thực bản sao" not in client.get(SECTION).content.decode()


def test_feed_lists_published_answers(client, section, archive):
    response = client.get(FEED)
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert body.count("<item>") == 3
    assert f"{SECTION}{archive['birth'].publication.pk}/" in body
    assert body.index("Chứng thực bản sao") < body.index("Đăng ký khai sinh")


def test_pagination(client, section, sector, leader, agency, moderator, answerer):
    for number in range(12):
        question = make_question(sector, leader, title=f"Câu hỏi số {number:02d}")
        publish(question, agency, moderator, answerer)
    first = client.get(SECTION).content.decode()
    second = client.get(SECTION, {"trang": 2}).content.decode()
    beyond = client.get(SECTION, {"trang": 3})
    garbage = client.get(SECTION, {"trang": "hai"})
    assert '<span aria-current="page">1</span>' in first and 'href="?trang=2" rel="next"' in first
    assert '<span aria-current="page">2</span>' in second
    assert first.count('class="card card--answer"') == 10
    assert second.count('class="card card--answer"') == 2
    assert beyond.status_code == 404
    assert "Không có trang 3; danh sách chỉ có 2 trang." in beyond.content.decode()
    assert garbage.status_code == 400
    assert "Số trang không hợp lệ." in garbage.content.decode()


def test_statistics_per_agency_and_overall(
    client, section, sector, leader, agency, other_agency, moderator, answerer
):
    today = timezone.localdate()
    fast = make_question(sector, leader, submitted_at=timezone.now() - datetime.timedelta(days=2))
    slow = make_question(sector, leader, submitted_at=timezone.now() - datetime.timedelta(days=6))
    late = make_question(sector, leader, due_date=today - datetime.timedelta(days=3))
    make_question(sector, leader)  # received, not yet assigned
    for question in (fast, slow):
        publish(question, agency, moderator, answerer)
    # Fixed dates, so the working days do not depend on today's weekday: 2 and 6.
    zone = timezone.get_current_timezone()
    for question, answered_on in ((fast, 8), (slow, 14)):
        Question.objects.filter(pk=question.pk).update(
            submitted_at=datetime.datetime(2025, 10, 6, 9, tzinfo=zone),
            answered_at=datetime.datetime(2025, 10, answered_on, 16, tzinfo=zone),
        )
    workflow.assign(late, moderator, other_agency)

    html = client.get(STATS).content.decode()

    assert "Sở Tư pháp" in html and "Sở Y tế" in html
    from dialogue import statistics

    overall, rows = statistics.compute()
    assert (overall.received, overall.answered, overall.overdue) == (4, 2, 1)
    assert overall.median_days == 4.0
    by_name = {row.name: row for row in rows}
    assert (by_name["Sở Tư pháp"].answered, by_name["Sở Tư pháp"].median_days) == (2, 4.0)
    assert by_name["Sở Y tế"].overdue == 1
    assert rows[-1].unassigned and rows[-1].received == 1  # the row that makes the total
    assert sum(row.received for row in rows) == overall.received
    # One median format, the Vietnamese decimal comma, even for a whole number of days: the
    # agency's row and the total both say "4,0" (not "4" in one place and "4,0" in another).
    agency_row = re.search(r'<th scope="row">Sở Tư pháp</th>(.*?)</tr>', html, re.S).group(1)
    total_row = re.search(r"<tfoot>(.*?)</tfoot>", html, re.S).group(1)
    assert re.findall(r"<td>([^<]*)</td>", agency_row)[-1] == "4,0"
    assert re.findall(r"<td>([^<]*)</td>", total_row)[-1] == "4,0"
    assert "Chưa phân công" in html
    assert "Số ngày làm việc để trả lời (trung vị)" in html


def test_page_cache_is_emptied_when_an_answer_is_published_or_withdrawn(
    client, section, sector, leader, agency, moderator, answerer
):
    first = make_question(sector, leader, title="Câu hỏi thứ nhất", content="Nội dung một.")
    publish(first, agency, moderator, answerer)
    assert client.get(SECTION)["X-Page-Cache"] == "MISS"
    assert client.get(SECTION)["X-Page-Cache"] == "HIT"

    second = make_question(sector, leader, title="Câu hỏi thứ hai", content="Nội dung hai.")
    second = publish(second, agency, moderator, answerer)
    assert "Câu hỏi thứ hai" in client.get(SECTION).content.decode()

    workflow.unpublish(second, moderator)
    assert "Câu hỏi thứ hai" not in client.get(SECTION).content.decode()


def test_forms_and_lookup_are_never_page_cached(client, section):
    from .conftest import ASK, LOOKUP

    for url in (ASK, LOOKUP):
        client.get(url)
        response = client.get(url)
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]


def test_the_section_names_the_locality_as_the_portal_settings_say(client, section):
    """A province's portal says "lãnh đạo tỉnh", a centrally-run city's "lãnh đạo thành phố":
    the word comes from Settings → Thông tin cổng, not from the templates."""
    province = [client.get(url).content.decode() for url in (SECTION, ASK, STATS)]
    portal = PortalSettings.for_site(section.get_site())
    portal.locality = PortalSettings.Locality.CITY
    portal.save()  # purges the page cache, as an editor's save does
    city = [client.get(url).content.decode() for url in (SECTION, ASK, STATS)]

    assert "Gửi câu hỏi tới lãnh đạo tỉnh</a>" in province[0]
    assert '<meta name="description" content="Gửi câu hỏi tới lãnh đạo tỉnh và' in province[1]
    assert '<th scope="row">Toàn tỉnh</th>' in province[2]
    assert "Gửi câu hỏi tới lãnh đạo thành phố</a>" in city[0]
    assert '<meta name="description" content="Gửi câu hỏi tới lãnh đạo thành phố và' in city[1]
    assert '<th scope="row">Toàn thành phố</th>' in city[2]
    # (The section's own intro, "Hỏi lãnh đạo tỉnh", is the editor's text and stays.)
    assert not any("tới lãnh đạo tỉnh" in html or "Toàn tỉnh" in html for html in city)
