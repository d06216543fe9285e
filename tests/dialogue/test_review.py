"""The review step shows the risk: everything detected is highlighted with its reason, a flag
left unconfirmed refuses approval, and a published answer is re-masked in one step."""

from django.core import mail
from django.test import Client

from dialogue import workflow
from dialogue.masking import flags
from dialogue.models import PublishedQuestion, Question, QuestionLogEntry

from .conftest import ADMIN_QUEUE, FEED, SECTION, make_question

S = Question.Status

CONTENT = (
    "Tôi là tran thi bich ngoc, CCCD 0461 8500 1234. Hàng xóm là ông Lê Văn Hùng xây lấn "
    "sang đất nhà tôi."
)
ANSWER = "Sở đã kiểm tra hồ sơ CCCD 046185001234 của bà; theo Nghị định 43/2014/NĐ-CP ..."


def answered(sector, leader, agency, moderator, answerer):
    question = make_question(sector, leader, content=CONTENT)
    workflow.assign(question, moderator, agency)
    workflow.answer(question, answerer, ANSWER)
    question.refresh_from_db()
    return question


def approve_data(question, **extra):
    return {
        "action": "approve",
        "approve-title": question.title,
        "approve-question_text": question.content,
        "approve-answer_text": question.answer,
        **extra,
    }


def test_approval_screen_highlights_each_finding_with_its_reason(
    client, sector, leader, agency, moderator, answerer, second_moderator
):
    question = answered(sector, leader, agency, moderator, answerer)
    client.force_login(second_moderator)
    html = client.get(f"{ADMIN_QUEUE}{question.pk}/").content.decode()

    assert "Thông tin cá nhân phát hiện được" in html
    assert (
        '<mark class="dialogue-finding dialogue-finding--masked">tran thi bich ngoc</mark>' in html
    )
    assert '<mark class="dialogue-finding dialogue-finding--masked">0461 8500 1234</mark>' in html
    assert "Họ tên người hỏi" in html and "Số CMND, CCCD, định danh" in html
    assert '<mark class="dialogue-finding dialogue-finding--flag">Lê Văn Hùng</mark>' in html
    assert "Tên người khác (xin xem có cần ẩn không)" in html
    # One checkbox per flag in the approval form, none for what is masked anyway.
    assert html.count('name="approve-confirmed"') == 1


def test_approval_with_an_unconfirmed_flag_is_refused(
    client, sector, leader, agency, moderator, answerer, second_moderator
):
    question = answered(sector, leader, agency, moderator, answerer)
    client.force_login(second_moderator)
    response = client.post(f"{ADMIN_QUEUE}{question.pk}/", approve_data(question))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Chưa thể công khai: còn 1 chỗ đánh dấu chưa được xác nhận" in html
    assert "Lê Văn Hùng" in html
    question.refresh_from_db()
    assert question.status == S.ANSWERED
    assert not PublishedQuestion.objects.exists()


def test_confirmed_flags_publish_masked_texts(
    client, section, sector, leader, agency, moderator, answerer, second_moderator
):
    question = answered(sector, leader, agency, moderator, answerer)
    (flag,) = flags(question.content, question)
    client.force_login(second_moderator)
    response = client.post(
        f"{ADMIN_QUEUE}{question.pk}/", approve_data(question, **{"approve-confirmed": flag.key})
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == S.PUBLISHED
    public_page, feed_page = client.get(f"{SECTION}{question.publication.pk}/"), client.get(FEED)
    assert public_page.status_code == feed_page.status_code == 200
    public, feed = public_page.content.decode(), feed_page.content.decode()
    for text in (public, feed):
        for leak in ("tran thi bich ngoc", "0461 8500 1234", "046185001234"):
            assert leak not in text
    # The flagged name was confirmed by the reviewer; the legal reference stays.
    assert "Lê Văn Hùng" in public
    assert "43/2014/NĐ-CP" in public


def test_workflow_refuses_unconfirmed_flags_without_the_form(
    sector, leader, agency, moderator, answerer, second_moderator
):
    question = answered(sector, leader, agency, moderator, answerer)
    try:
        workflow.approve(question, second_moderator, "t", question.content, "a")
    except workflow.UnconfirmedFlags:
        pass
    else:
        raise AssertionError("approval with an unconfirmed flag went through")


def test_a_leak_is_remasked_and_republished_in_one_step(
    client, section, sector, leader, agency, moderator, answerer, second_moderator,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    question = answered(sector, leader, agency, moderator, answerer)
    (flag,) = flags(question.content, question)
    workflow.approve(question, second_moderator, "t", question.content, "a", [flag.key])
    # A copy published before today's detectors (or edited in the database) leaks.
    leaked = "Liên hệ tôi: ngoc.tran85 [at] example [dot] com, biển số 75A-123.45."
    PublishedQuestion.objects.filter(question=question).update(answer_text=leaked)
    published_at = PublishedQuestion.objects.get().published_at
    mail.outbox.clear()
    # A visitor sees the leak, and the anonymous page cache keeps that page.
    public_url = f"{SECTION}{question.publication.pk}/"
    assert "75A-123.45" in Client().get(public_url).content.decode()

    client.force_login(second_moderator)
    page = client.get(f"{ADMIN_QUEUE}{question.pk}/").content.decode()
    assert "Ẩn lại và công khai lại" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{ADMIN_QUEUE}{question.pk}/",
            {
                "action": "republish",
                "republish-title": "t",
                "republish-question_text": question.content,
                "republish-answer_text": leaked,
                "republish-confirmed": flag.key,
            },
        )

    assert response.status_code == 302
    publication = PublishedQuestion.objects.get()
    assert "example" not in publication.answer_text
    assert "75A-123.45" not in publication.answer_text
    assert publication.published_at == published_at
    # The next visitor gets the re-masked copy, not the cached leak.
    response = Client().get(public_url)
    assert response.status_code == 200
    public = response.content.decode()
    assert "75A-123.45" not in public and "ngoc.tran85" not in public
    assert QuestionLogEntry.objects.filter(action="dialogue.republish").count() == 1
    assert mail.outbox == []  # the citizen was told once, at the first publication


def test_remask_published_fixes_copies_made_before_the_detectors(
    sector, leader, agency, moderator, answerer, second_moderator
):
    from io import StringIO

    from django.core.management import call_command

    question = answered(sector, leader, agency, moderator, answerer)
    (flag,) = flags(question.content, question)
    workflow.approve(question, second_moderator, "t", question.content, "a", [flag.key])
    PublishedQuestion.objects.update(answer_text="Gọi tôi: không chín một bốn hai hai hai ba ba ba")

    out = StringIO()
    call_command("remask_published", "--dry-run", stdout=out)
    assert "would change: 1 of 1" in out.getvalue()
    call_command("remask_published", stdout=out)

    assert PublishedQuestion.objects.get().answer_text == "Gọi tôi: [đã ẩn]"
    call_command("remask_published", stdout=out)
    assert out.getvalue().strip().endswith("changed: 0 of 1")
