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
    from search.models import Procedure, ProcedureDirectoryPage
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
