import datetime

from dialogue.deadlines import add_working_days, due_date
from dialogue.links import published_about, questions_about_procedure
from dialogue.workflow import set_procedures

from .conftest import make_question, publish


def test_working_days_skip_weekends_and_holidays(settings):
    friday = datetime.date(2025, 4, 25)
    # Mon 28, Tue 29, (Wed 30/4 and Thu 1/5 are holidays), Fri 2/5.
    assert add_working_days(friday, 3) == datetime.date(2025, 5, 2)
    settings.DIALOGUE_HOLIDAYS = ["2025-05-02"]
    assert add_working_days(friday, 3) == datetime.date(2025, 5, 5)


def test_deadline_is_configurable(settings):
    monday = datetime.date(2024, 10, 7)
    assert due_date(monday) == datetime.date(2024, 10, 28)  # 15 working days
    settings.DIALOGUE_DEADLINE_WORKING_DAYS = 5
    assert due_date(monday) == datetime.date(2024, 10, 14)


def test_questions_about_a_procedure_are_the_published_ones(
    section, sector, leader, agency, moderator, answerer
):
    asked = make_question(sector, leader, title="Hỏi về khai sinh")
    pending = make_question(sector, leader, title="Chưa trả lời")
    for question in (asked, pending):
        set_procedures(question, moderator, ["1.000948.H38"])
    asked = publish(asked, agency, moderator, answerer)

    found = questions_about_procedure("1.000948.h38")

    assert [item.title for item in found] == ["Hỏi về khai sinh"]
    assert found[0].url == f"/trao-doi-va-thao-go/{asked.publication.pk}/"
    assert found[0].answering_body == "Sở Tư pháp"
    assert questions_about_procedure("2.000001") == []
    assert published_about("1.000948.H38").count() == 1


def test_the_procedure_page_lists_questions_about_it(
    client, section, sector, leader, agency, moderator, answerer
):
    from procedures.models import Procedure, ProcedureDirectoryPage
    from tests.conftest import add_page

    add_page(section.get_parent(), ProcedureDirectoryPage, title="Thủ tục", slug="thu-tuc")
    Procedure.objects.create(code="1.000110", name="Đăng ký khai sinh có yếu tố nước ngoài")
    question = make_question(sector, leader, title="Khai sinh cho con có cha là người nước ngoài")
    set_procedures(question, moderator, ["1.000110"])
    question = publish(question, agency, moderator, answerer)

    html = client.get("/thu-tuc/1.000110/").content.decode()

    assert "Câu hỏi về thủ tục này" in html
    assert "Khai sinh cho con có cha là người nước ngoài" in html
    assert f'href="/trao-doi-va-thao-go/{question.publication.pk}/"' in html


def answered_question(sector, leader, agency, submitted, answered, status="answered"):
    """A question answered at fixed local times (statistics read the stored timestamps)."""
    from django.utils import timezone

    zone = timezone.get_current_timezone()
    question = make_question(
        sector,
        leader,
        submitted_at=datetime.datetime.combine(submitted, datetime.time(9), zone),
        due_date=due_date(submitted),
    )
    question.__class__.objects.filter(pk=question.pk).update(
        status=status,
        assigned_agency=agency,
        answered_at=datetime.datetime.combine(answered, datetime.time(16), zone),
    )
    return question


def test_median_days_to_answer_counts_working_days(sector, leader, agency):
    from dialogue import statistics

    # Fri 25/04/2025 → Tue 06/05/2025: 11 calendar days, 5 working days (30/4 and 1/5 off).
    answered_question(sector, leader, agency, datetime.date(2025, 4, 25), datetime.date(2025, 5, 6))
    # Fri 03/10/2025 → Mon 06/10/2025: 3 calendar days, 1 working day.
    answered_question(
        sector, leader, agency, datetime.date(2025, 10, 3), datetime.date(2025, 10, 6)
    )

    overall, rows = statistics.compute(today=datetime.date(2025, 12, 1))

    assert overall.median_days == 3.0  # not 7.0, the calendar-day median
    assert rows[0].name == "Sở Tư pháp" and rows[0].median_days == 3.0


def test_an_answer_on_the_due_date_took_exactly_the_deadline(settings, sector, leader, agency):
    from dialogue import statistics
    from dialogue.deadlines import working_days_between

    monday = datetime.date(2024, 10, 7)
    on_time = answered_question(sector, leader, agency, monday, due_date(monday))
    assert working_days_between(monday, due_date(monday)) == 15
    overall, _rows = statistics.compute(today=datetime.date(2024, 12, 1))
    assert (overall.median_days, overall.answered_late) == (15.0, 0)

    on_time.delete()
    answered_question(sector, leader, agency, monday, datetime.date(2024, 10, 29))
    overall, _rows = statistics.compute(today=datetime.date(2024, 12, 1))
    assert (overall.median_days, overall.answered_late) == (16.0, 1)


def test_working_days_between_skips_weekends_and_configured_holidays(settings):
    from dialogue.deadlines import working_days_between

    friday = datetime.date(2025, 4, 25)
    assert working_days_between(friday, friday) == 0
    assert working_days_between(friday, datetime.date(2025, 4, 27)) == 0  # the weekend
    assert working_days_between(friday, datetime.date(2025, 5, 2)) == 3
    settings.DIALOGUE_HOLIDAYS = ["2025-05-02"]
    assert working_days_between(friday, datetime.date(2025, 5, 2)) == 2
    # Over years, the same count as stepping day by day with add_working_days.
    start = datetime.date(2023, 12, 29)
    for days in (1, 15, 60, 300):
        assert working_days_between(start, add_working_days(start, days)) == days
