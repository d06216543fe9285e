import datetime

from dialogue.deadlines import add_working_days, due_date
from dialogue.procedures import questions_about_procedure
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
    sector, leader, agency, moderator, answerer
):
    asked = make_question(sector, leader, title="Hỏi về khai sinh")
    pending = make_question(sector, leader, title="Chưa trả lời")
    for question in (asked, pending):
        set_procedures(question, moderator, ["1.000948.H38"])
    publish(asked, agency, moderator, answerer)

    found = list(questions_about_procedure("1.000948.H38"))

    assert [item.title for item in found] == ["Hỏi về khai sinh"]
    assert list(questions_about_procedure("2.000001")) == []
    assert found[0].get_url() is None  # no live section page in this test
