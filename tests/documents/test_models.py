"""Validity on the date boundaries, relations shown both ways, uploads checked by content."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.attachments import validate_attachment
from documents.models import RelationKind, Validity
from tests.documents.conftest import docx_bytes, make_document, pdf_bytes

pytestmark = pytest.mark.django_db
D = datetime.date


def test_validity_changes_on_the_effective_and_expiry_dates(index_page):
    document = make_document(
        index_page,
        "01/2024/QĐ-UBND",
        "Quyết định thử",
        issue_date=D(2024, 1, 1),
        effective_date=D(2024, 2, 1),
        expiry_date=D(2025, 1, 1),
    )
    assert document.validity(D(2024, 1, 31)) == Validity.NOT_YET
    assert document.validity(D(2024, 2, 1)) == Validity.IN_FORCE
    assert document.validity(D(2024, 12, 31)) == Validity.IN_FORCE
    assert document.validity(D(2025, 1, 1)) == Validity.EXPIRED


def test_without_an_effective_date_a_document_is_in_force_from_its_issue_date(index_page):
    document = make_document(index_page, "02/2024/CT-UBND", "Chỉ thị", issue_date=D(2024, 3, 5))
    assert document.validity(D(2024, 3, 4)) == Validity.NOT_YET
    assert document.validity(D(2024, 3, 5)) == Validity.IN_FORCE


def test_today_is_the_provinces_date(settings):
    from django.utils import timezone

    from documents.models.documents import today

    # 23:30 UTC on 31 Dec is already 1 Jan in Asia/Ho_Chi_Minh (UTC+7).
    moment = datetime.datetime(2024, 12, 31, 23, 30, tzinfo=datetime.UTC)
    with timezone.override("Asia/Ho_Chi_Minh"):
        from unittest import mock

        with mock.patch("django.utils.timezone.now", return_value=moment):
            assert today() == D(2025, 1, 1)


def test_a_replacement_ends_validity_the_day_it_takes_effect_and_shows_on_both(client, index_page):
    old = make_document(
        index_page, "61/2018/NĐ-CP", "Về thực hiện cơ chế một cửa", issue_date=D(2018, 4, 23)
    )
    new = make_document(
        index_page,
        "107/2021/NĐ-CP",
        "Sửa đổi Nghị định 61",
        issue_date=D(2021, 12, 6),
        effective_date=D(2022, 2, 1),
        relations=[(RelationKind.REPLACES, old)],
    )
    old.refresh_from_db()
    assert old.validity(D(2022, 1, 31)) == Validity.IN_FORCE
    assert old.validity(D(2022, 2, 1)) == Validity.REPLACED

    old_page = client.get(old.url).content.decode()
    new_page = client.get(new.url).content.decode()
    assert "Bị thay thế bởi" in old_page and "107/2021/NĐ-CP" in old_page
    assert "Thay thế" in new_page and "61/2018/NĐ-CP" in new_page

    new.unpublish()
    old.refresh_from_db()
    assert old.validity(D(2023, 1, 1)) == Validity.IN_FORCE
    assert "107/2021/NĐ-CP" not in client.get(old.url).content.decode()


def test_a_repeal_makes_the_document_repealed(index_page):
    old = make_document(index_page, "10/2020/QĐ-UBND", "Quy chế cũ", issue_date=D(2020, 1, 1))
    make_document(
        index_page,
        "20/2023/QĐ-UBND",
        "Bãi bỏ quy chế cũ",
        issue_date=D(2023, 5, 1),
        relations=[(RelationKind.REPEALS, old)],
    )
    old.refresh_from_db()
    assert old.validity(D(2023, 5, 1)) == Validity.REPEALED


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("quyet-dinh.pdf", b"MZ\x90\x00 an executable"),
        ("quyet-dinh.pdf", b"<html><script>alert(1)</script></html>"),
        ("van-ban.docx", b"PK\x03\x04 not really a zip"),
        ("bang.xlsx", docx_bytes("a Word file called xlsx")),
        ("trang.html", b"<html></html>"),
    ],
)
def test_a_disguised_upload_is_refused_in_vietnamese(name, content):
    with pytest.raises(ValidationError) as raised:
        validate_attachment(SimpleUploadedFile(name, content))
    message = " ".join(raised.value.messages)
    assert "tệp" in message.lower() or "Chỉ nhận" in message


def test_real_pdf_and_docx_are_accepted():
    validate_attachment(SimpleUploadedFile("a.pdf", pdf_bytes("hello")))
    validate_attachment(SimpleUploadedFile("a.docx", docx_bytes("hello")))


def test_an_attachment_over_the_limit_is_refused(settings):
    settings.DOCUMENT_ATTACHMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="quá lớn"):
        validate_attachment(SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * 200))


def test_the_indexed_validity_periods_give_the_models_validity_on_every_day():
    """The search index stores validity as periods (one per status); on every day around
    every boundary exactly one period holds the day, and it is the validity of the rule."""
    import itertools

    from documents.models.documents import validity_on, validity_periods

    starts, expiries = [None, D(2024, 2, 1)], [None, D(2024, 1, 20), D(2025, 1, 1)]
    endings = [(None, ""), (D(2024, 6, 1), "replaced"), (D(2024, 1, 10), "repealed")]
    for start, expiry, (ended_on, kind) in itertools.product(starts, expiries, endings):
        dates = {
            "in_force_from": start,
            "expiry_date": expiry,
            "ended_on": ended_on,
            "ended_kind": kind,
        }
        periods = validity_periods(**dates)
        boundaries = [day for day in (start, expiry, ended_on) if day]
        days = {day + D.resolution * shift for day in boundaries for shift in (-1, 0, 1)}
        for day in sorted(days | {D(2000, 1, 1), D(2100, 1, 1)}):
            holding = [
                status
                for status, (first, after) in periods.items()
                if (first is None or first <= day) and (after is None or day < after)
            ]
            assert holding == [validity_on(day, **dates)], (dates, day, periods)
