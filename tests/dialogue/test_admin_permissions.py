"""Who sees what in the admin: anonymous, editor, moderator, answering body, superuser.

Personal data (name, address, phone, e-mail, attachment) reaches moderators, the answering
body the question is assigned to, and superusers — nobody else, on any view.
"""

import pytest
from django.core.files.base import ContentFile

from dialogue import workflow

from .conftest import ADMIN_QUEUE, IDENTITY, make_question
from .forms import PDF

PERSONAL = [IDENTITY["full_name"], IDENTITY["street"], "0914222333", IDENTITY["email"]]


@pytest.fixture
def questions(sector, leader, agency, other_agency, moderator):
    ours = make_question(sector, leader, title="Câu hỏi của Sở Tư pháp")
    ours.attachment.save("giay-chung-sinh.pdf", ContentFile(PDF), save=False)
    ours.attachment_name = "giay-chung-sinh.pdf"
    ours.attachment_type = "application/pdf"
    ours.save()
    theirs = make_question(
        sector, leader, title="Câu hỏi của Sở Y tế", full_name="Lê Văn Khác", email="k@example.vn"
    )
    fresh = make_question(sector, leader, title="Câu hỏi chưa phân công")
    workflow.assign(ours, moderator, agency)
    workflow.assign(theirs, moderator, other_agency)
    return {"ours": ours, "theirs": theirs, "fresh": fresh}


def urls(question):
    base = f"{ADMIN_QUEUE}{question.pk}/"
    return {"process": base, "attachment": base + "tep-dinh-kem/"}


def assert_no_personal_data(response):
    body = b"".join(response) if response.streaming else response.content
    text = body.decode(errors="replace")
    for value in PERSONAL:
        assert value not in text


def test_anonymous_is_sent_to_login_everywhere(client, questions):
    for url in [ADMIN_QUEUE, *urls(questions["ours"]).values()]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    response = client.post(urls(questions["ours"])["process"], {"action": "note", "note-text": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editor_without_a_dialogue_role_sees_nothing(client, questions, editor):
    client.force_login(editor)
    for url in [ADMIN_QUEUE, ADMIN_QUEUE + "results/", *urls(questions["ours"]).values()]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/"
        assert_no_personal_data(response)
    posted = client.post(
        urls(questions["ours"])["process"], {"action": "reject", "reject-reason": "spam"}
    )
    assert posted.status_code == 302
    questions["ours"].refresh_from_db()
    assert questions["ours"].status == "assigned"
    home = client.get("/admin/").content.decode()
    assert "Trao đổi và tháo gỡ" not in home
    for managed in ("/admin/trao-doi/co-quan/", "/admin/trao-doi/linh-vuc/"):
        assert client.get(managed).status_code == 302


def test_moderator_sees_every_question_with_personal_data(client, questions, moderator):
    client.force_login(moderator)
    queue = client.get(ADMIN_QUEUE).content.decode()
    for key in ("ours", "theirs", "fresh"):
        assert questions[key].tracking_code in queue

    page = client.get(urls(questions["ours"])["process"])
    assert page.status_code == 200
    html = page.content.decode()
    assert IDENTITY["full_name"] in html
    assert IDENTITY["email"] in html
    assert "Phân công" in html and "Từ chối và báo người hỏi" in html

    download = client.get(urls(questions["ours"])["attachment"])
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert client.get("/admin/trao-doi/co-quan/").status_code == 200


def test_answering_body_sees_only_its_own_questions(client, questions, answerer):
    client.force_login(answerer)
    queue = client.get(ADMIN_QUEUE)
    html = queue.content.decode()
    assert queue.status_code == 200
    assert questions["ours"].tracking_code in html
    assert questions["theirs"].tracking_code not in html
    assert questions["fresh"].tracking_code not in html
    assert "Lê Văn Khác" not in html

    own = client.get(urls(questions["ours"])["process"])
    assert own.status_code == 200
    assert IDENTITY["full_name"] in own.content.decode()
    assert "Lưu câu trả lời" in own.content.decode()
    assert "Duyệt và công khai" not in own.content.decode()
    assert client.get(urls(questions["ours"])["attachment"]).status_code == 200

    for key in ("theirs", "fresh"):
        for url in urls(questions[key]).values():
            response = client.get(url)
            assert response.status_code == 404
            assert_no_personal_data(response)
    posted = client.post(
        urls(questions["theirs"])["process"], {"action": "answer", "answer-answer": "x"}
    )
    assert posted.status_code == 404
    assert client.get("/admin/trao-doi/co-quan/").status_code == 302


def test_answering_body_cannot_post_a_moderator_step(client, questions, answerer):
    client.force_login(answerer)
    response = client.post(
        urls(questions["ours"])["process"], {"action": "reject", "reject-reason": "không"}
    )
    assert response.status_code == 302
    questions["ours"].refresh_from_db()
    assert questions["ours"].status == "assigned"


def test_superuser_sees_everything(client, questions, admin_user):
    client.force_login(admin_user)
    assert client.get(ADMIN_QUEUE).status_code == 200
    for key in ("ours", "theirs", "fresh"):
        assert client.get(urls(questions[key])["process"]).status_code == 200
    assert client.get(urls(questions["ours"])["attachment"]).status_code == 200


def test_there_is_no_add_or_delete(client, questions, admin_user):
    client.force_login(admin_user)
    html = client.get(ADMIN_QUEUE).content.decode()
    assert f"{ADMIN_QUEUE}new/" not in html
    assert client.get(f"{ADMIN_QUEUE}new/").status_code == 404
    assert client.get(f"{ADMIN_QUEUE}delete/{questions['ours'].pk}/").status_code == 404


def test_site_history_shows_only_codes(client, questions, answerer, editor):
    client.force_login(editor)
    html = client.get("/admin/reports/site-history/").content.decode()
    assert questions["ours"].tracking_code not in html
    client.force_login(answerer)
    assert_no_personal_data(client.get("/admin/reports/site-history/"))


def test_attachment_download_is_logged(client, questions, moderator):
    from dialogue.models import QuestionLogEntry

    client.force_login(moderator)
    client.get(urls(questions["ours"])["attachment"])
    assert QuestionLogEntry.objects.filter(
        question=questions["ours"], action="dialogue.attachment", user=moderator
    ).exists()


ROLES = ["anonymous", "editor", "moderator", "answerer", "admin_user"]
MANAGED_LISTS = [
    "/admin/trao-doi/linh-vuc/",
    "/admin/trao-doi/co-quan/",
    "/admin/trao-doi/mau-tra-loi/",
]


def login_as(client, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))


@pytest.mark.parametrize("role", ROLES)
def test_public_pages_never_show_personal_data_whoever_looks(
    client, request, role, section, questions, agency, moderator, answerer, second_moderator
):
    from .conftest import FEED, LOOKUP, SECTION, STATS

    workflow.start(questions["ours"], answerer)
    questions["ours"].refresh_from_db()
    published = publish_from_assigned(questions["ours"], answerer, second_moderator)
    login_as(client, request, role)
    pk = published.publication.pk
    for url in [SECTION, f"{SECTION}{pk}/", FEED, STATS, LOOKUP, SECTION + "gui-cau-hoi/"]:
        response = client.get(url)
        assert response.status_code == 200, (role, url)
        assert_no_personal_data(response)
        assert "giay-chung-sinh.pdf" not in response.content.decode()


def publish_from_assigned(question, answerer, reviewer):
    workflow.answer(question, answerer, "Trả lời công khai")
    question.refresh_from_db()
    workflow.approve(question, reviewer, question.title, question.content, question.answer)
    question.refresh_from_db()
    return question


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("editor", 302),
        ("answerer", 302),
        ("moderator", 200),
        ("admin_user", 200),
    ],
)
def test_managed_lists_are_for_moderators(client, request, role, expected, questions):
    login_as(client, request, role)
    for url in MANAGED_LISTS:
        assert client.get(url).status_code == expected, (role, url)


def test_queue_filters_and_overdue_highlight(client, questions, moderator, agency):
    import datetime

    from django.utils import timezone

    from dialogue.models import Question

    Question.objects.filter(pk=questions["theirs"].pk).update(
        due_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    client.force_login(moderator)

    overdue = client.get(ADMIN_QUEUE, {"age": "overdue"}).content.decode()
    assert questions["theirs"].tracking_code in overdue
    assert questions["ours"].tracking_code not in overdue
    assert "dialogue-overdue__tag" in overdue

    fresh = client.get(ADMIN_QUEUE, {"status": "new"}).content.decode()
    assert questions["fresh"].tracking_code in fresh
    assert questions["ours"].tracking_code not in fresh

    by_agency = client.get(ADMIN_QUEUE, {"assigned_agency": agency.pk})
    assert questions["ours"].tracking_code in by_agency.content.decode()
    assert questions["theirs"].tracking_code not in by_agency.content.decode()

    searched = client.get(ADMIN_QUEUE, {"q": "Lê Văn Khác"}).content.decode()
    assert questions["theirs"].tracking_code in searched
    assert questions["ours"].tracking_code not in searched
