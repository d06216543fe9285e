"""Consultation on drafts: open and closed periods, the comment form, moderation, the outbox."""

import datetime

import pytest

from dialogue.models import Notification
from documents.models import ConsultationIndexPage, DraftComment, DraftPage
from documents.models.documents import today
from tests.conftest import add_page
from tests.documents.conftest import pdf_bytes
from tests.xss import assert_inert

pytestmark = pytest.mark.django_db
COMMENT = {
    "full_name": "Nguyễn Văn An",
    "email": "an@example.vn",
    "organisation": "",
    "content": "Đề nghị bổ sung quy định trả kết quả qua bưu chính.",
}


@pytest.fixture
def consultation(home_page):
    return add_page(home_page, ConsultationIndexPage, title="Lấy ý kiến", slug="lay-y-kien")


def make_draft(index, title, opens, closes):
    day = today()
    return add_page(
        index,
        DraftPage,
        title=title,
        opens_on=day + datetime.timedelta(days=opens),
        closes_on=day + datetime.timedelta(days=closes),
        drafting_agency="Sở Tư pháp",
        contact_name="Phòng Văn bản",
        contact_email="vanban@example.gov.vn",
    )


def test_the_list_shows_days_left_or_ended(client, consultation):
    make_draft(consultation, "Dự thảo đang mở", -3, 4)
    make_draft(consultation, "Dự thảo hôm nay hết hạn", -3, 0)
    make_draft(consultation, "Dự thảo đã đóng", -30, -1)
    html = client.get(consultation.url).content.decode()
    assert "Đang lấy ý kiến</strong> – còn 5 ngày" in html
    assert "Đang lấy ý kiến</strong> – còn 1 ngày" in html
    assert "Đã kết thúc" in html
    assert html.index("Dự thảo đang mở") < html.index("Dự thảo đã đóng")


def test_a_comment_is_stored_emailed_to_the_contact_and_public_after_moderation(
    client, consultation
):
    draft = make_draft(consultation, "Dự thảo quy chế", -1, 10)
    response = client.post(draft.url, COMMENT)
    assert response.status_code == 200
    assert "Góp ý đã được lưu" in response.content.decode()
    comment = DraftComment.objects.get()
    assert comment.status == DraftComment.Status.PENDING
    mail = Notification.objects.get(kind="draft_comment")
    assert mail.to_email == "vanban@example.gov.vn" and "Dự thảo quy chế" in mail.subject
    assert "bưu chính" in mail.body_text
    assert "bưu chính" not in client.get(draft.url).content.decode()  # not yet moderated

    comment.status = DraftComment.Status.PUBLISHED
    comment.save()
    html = client.get(draft.url).content.decode()
    assert "bưu chính" in html and "N.V.A." in html and "Nguyễn Văn An" not in html
    assert "an@example.vn" not in html


def test_an_organisation_is_named(client, consultation):
    draft = make_draft(consultation, "Dự thảo", -1, 10)
    client.post(draft.url, {**COMMENT, "organisation": "Hiệp hội Doanh nghiệp tỉnh"})
    DraftComment.objects.update(status=DraftComment.Status.PUBLISHED)
    assert "Hiệp hội Doanh nghiệp tỉnh" in client.get(draft.url).content.decode()


def test_a_comment_after_the_closing_date_is_refused_in_vietnamese(client, consultation):
    draft = make_draft(consultation, "Dự thảo đã đóng", -30, -1)
    response = client.post(draft.url, COMMENT)
    assert response.status_code == 400
    assert "đã kết thúc lấy ý kiến ngày" in response.content.decode()
    assert not DraftComment.objects.exists()
    assert "Gửi góp ý</button>" not in client.get(draft.url).content.decode()


def test_a_comment_before_opening_is_refused(client, consultation):
    draft = make_draft(consultation, "Dự thảo sắp mở", 2, 12)
    response = client.post(draft.url, COMMENT)
    assert response.status_code == 400 and "chưa nhận góp ý" in response.content.decode()


def test_the_form_needs_csrf_and_the_captcha(consultation, settings):
    from django.test import Client

    settings.DIALOGUE_CAPTCHA = True
    draft = make_draft(consultation, "Dự thảo", -1, 10)
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(draft.url, COMMENT).status_code == 403
    page = Client().get(draft.url).content.decode()
    assert "csrfmiddlewaretoken" in page and "bằng mấy?" in page
    response = Client().post(draft.url, {**COMMENT, "captcha_answer": "99", "captcha_token": "x"})
    assert response.status_code == 400 and not DraftComment.objects.exists()


def test_too_many_comments_from_one_address_get_a_429(client, consultation, settings):
    settings.DIALOGUE_RATE_LIMITS = {**settings.DIALOGUE_RATE_LIMITS, "comment_ip": "2/3600"}
    draft = make_draft(consultation, "Dự thảo", -1, 10)
    statuses = [
        client.post(draft.url, {**COMMENT, "email": f"n{i}@example.vn"}).status_code
        for i in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert DraftComment.objects.count() == 2


def test_comment_text_is_escaped(client, consultation):
    from tests.xss import PAYLOADS

    draft = make_draft(consultation, "Dự thảo", -1, 10)
    for payload in PAYLOADS[:5]:
        client.post(draft.url, {**COMMENT, "content": payload, "organisation": payload})
    DraftComment.objects.update(status=DraftComment.Status.PUBLISHED)
    assert_inert(client.get(draft.url).content.decode())


def test_the_synthesis_is_attached_only_after_closing(consultation):
    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile

    draft = make_draft(consultation, "Dự thảo", -1, 10)
    draft.synthesis_file = ContentFile(b"%PDF-1.4 report", "bao-cao.pdf")
    with pytest.raises(ValidationError, match="sau khi kết thúc"):
        draft.full_clean()


def test_the_synthesis_attached_after_closing_is_accepted_and_linked_from_the_draft(
    client, consultation
):
    """The day after the closing date the agency's report passes validation (on the closing
    day itself it is still refused) and the draft's page offers it for download."""
    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile

    closing_today = make_draft(consultation, "Dự thảo hôm nay kết thúc", -10, 0)
    closing_today.synthesis_file = ContentFile(pdf_bytes("Report"), "bao-cao.pdf")
    with pytest.raises(ValidationError, match="sau khi kết thúc"):
        closing_today.full_clean()

    draft = make_draft(consultation, "Dự thảo quy chế đã đóng", -30, -1)
    assert "Báo cáo tổng hợp" not in client.get(draft.url).content.decode()
    draft.synthesis_file = ContentFile(pdf_bytes("Report"), "bao-cao-tong-hop.pdf")
    draft.full_clean()
    draft.save()
    draft.save_revision().publish()

    html = client.get(draft.url).content.decode()
    url = f"{draft.url}tep/tong-hop/"  # served by the draft itself (test_draft_files.py)
    assert "Báo cáo tổng hợp, tiếp thu, giải trình" in html
    assert f'<a href="{url}" download>Tải về báo cáo tổng hợp</a>' in html


def test_a_private_draft_is_not_listed(client, consultation):
    from wagtail.models import PageViewRestriction

    make_draft(consultation, "Dự thảo công khai", -1, 10)
    private = make_draft(consultation, "Dự thảo nội bộ", -1, 10)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(consultation.url).content.decode()
    assert "Dự thảo công khai" in html and "Dự thảo nội bộ" not in html


def test_bad_or_past_the_end_list_pages(client, consultation):
    make_draft(consultation, "Dự thảo", -1, 10)
    assert client.get(consultation.url, {"trang": "abc"}).status_code == 400
    assert client.get(consultation.url, {"trang": "9"}).status_code == 404
