"""Published anonymised by construction: identity never reaches a public page or the feed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dialogue.anonymise import asker_label, initials
from dialogue.masking import MASK
from dialogue.masking import mask as redact
from dialogue.models import Question

from .conftest import ASK, FEED, IDENTITY, LOOKUP, SECTION, STATS, make_question, publish
from .forms import PDF, question_form

LEAKS = [
    IDENTITY["full_name"],
    "Bích Ngọc",
    IDENTITY["street"],
    "0914222333",
    "0914 222 333",
    "914.222.333",
    IDENTITY["email"],
    "cmnd-bich-ngoc.pdf",
    "079123456789",
]


@pytest.fixture
def published(client, section, sector, leader, agency, moderator, answerer):
    """Asked through the form by a citizen who repeats her identity inside the question."""
    content = (
        f"Tôi là {IDENTITY['full_name']}, ở {IDENTITY['street']}, điện thoại 0914.222.333, "
        f"thư {IDENTITY['email']}, CCCD 079123456789. Xin hỏi thủ tục đăng ký khai sinh."
    )
    upload = SimpleUploadedFile("cmnd-bich-ngoc.pdf", PDF, content_type="application/pdf")
    client.post(ASK, {**question_form(sector, leader, content=content), "attachment": upload})
    question = Question.objects.get()
    assert question.attachment
    return publish(
        question,
        agency,
        moderator,
        answerer,
        answer=f"Kính gửi bà {IDENTITY['full_name']}: liên hệ tổng đài 1900 1234 để được hỗ trợ.",
    )


def public_pages(client, question):
    pk = question.publication.pk
    yield client.get(SECTION)
    yield client.get(SECTION, {"q": "khai sinh"})
    yield client.get(f"{SECTION}{pk}/")
    yield client.get(FEED)
    yield client.get(STATS)
    yield client.get(LOOKUP)


def test_no_identity_on_any_public_page_or_feed(client, published):
    for response in public_pages(client, published):
        assert response.status_code == 200
        html = response.content.decode()
        for leak in LEAKS:
            assert leak not in html, (response.request["PATH_INFO"], leak)


def test_detail_shows_initials_and_ward_only(client, published):
    html = client.get(f"{SECTION}{published.publication.pk}/").content.decode()
    assert "T.T.B.N., Phường Phú Xuân" in html
    assert MASK in html
    # The official answer keeps its hotline: only the asker's identity is masked there.
    assert "1900 1234" in html


def test_the_public_copy_has_no_field_for_personal_data():
    from dialogue.models import PublishedQuestion

    names = {field.name for field in PublishedQuestion._meta.get_fields()}
    assert not names & {"full_name", "street", "phone", "email", "attachment", "ward_code"}


def test_initials_and_label():
    assert initials("Nguyễn Văn An") == "N.V.A."
    assert initials("đặng thị  ánh") == "Đ.T.Á."
    assert initials("") == ""


def test_label_falls_back_to_the_province_outside_hue(sector, leader):
    question = make_question(
        sector, leader, full_name="Lê Hoa", ward_name="", province_name="Thành phố Hà Nội"
    )
    assert asker_label(question) == "L.H., Thành phố Hà Nội"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Gọi tôi: +84 914 222 333 hoặc 0987-654-321", "Gọi tôi:"),
        ("Mã BHXH 7912345678, CMND 191234567", "Mã BHXH"),
        ("Thư: ai.do@mail.example.com", "Thư:"),
    ],
)
def test_redact_masks_numbers_and_emails_in_citizen_text(sector, leader, text, kept):
    question = make_question(sector, leader)
    masked = redact(text, question)
    assert kept in masked
    assert not any(char.isdigit() for char in masked.replace(kept, ""))
    assert "@" not in masked


def test_redact_keeps_legal_references_and_dates(sector, leader):
    question = make_question(sector, leader)
    text = "Theo Điều 102 Luật BHXH 2014 và Nghị định 92/2017/NĐ-CP, từ ngày 01/07/2025."
    assert redact(text, question) == text


def test_label_outside_the_home_province_names_ward_and_province(sector, leader):
    question = make_question(
        sector,
        leader,
        full_name="Lê Hoa",
        province_code=1,
        province_name="Thành phố Hà Nội",
        ward_code=4,
        ward_name="Phường Ba Đình",
    )
    assert asker_label(question) == "L.H., Phường Ba Đình, Thành phố Hà Nội"
