"""manage.py import_documents: CSV and XLSX, attachments from a folder, idempotent, per-line
report, dry run."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from documents.models import AttachmentFile, LegalDocumentPage, Validity
from tests.documents.conftest import pdf_bytes

pytestmark = pytest.mark.django_db

HEADER = (
    "so_ky_hieu,loai,co_quan_ban_hanh,linh_vuc,nguoi_ky,ngay_ban_hanh,ngay_hieu_luc,"
    "trich_yeu,tom_tat,nguon,tep,thay_the\n"
)
ROWS = (
    "43/2011/NĐ-CP,Nghị định,Chính phủ,Thông tin điện tử,,13/06/2011,01/08/2011,"
    "Cung cấp thông tin trên cổng thông tin,,trung-uong,,\n"
    "42/2022/NĐ-CP,Nghị định,Chính phủ,Thông tin điện tử,,24/06/2022,01/08/2022,"
    '"Cung cấp thông tin và dịch vụ công trực tuyến",Tóm tắt,trung-uong,nd42.pdf,43/2011/NĐ-CP\n'
    ",Nghị định,Chính phủ,,,01/01/2024,,Thiếu số,,,,\n"
    "5/2024/QĐ-UBND,Quyết định,UBND tỉnh,,,31/02/2024,,Ngày sai,,tinh,,\n"
    "6/2024/QĐ-UBND,Quyết định,UBND tỉnh,,,01/02/2024,,Tệp giả,,tinh,gia.pdf,\n"
)


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_documents", str(path), *args, "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path, index_page, settings):
    settings.ELASTICSEARCH_URL = ""
    (tmp_path / "nd42.pdf").write_bytes(pdf_bytes("Decree fortytwo appendix"))
    (tmp_path / "gia.pdf").write_bytes(b"<html>not a pdf</html>")
    (tmp_path / "list.csv").write_text(HEADER + ROWS, encoding="utf-8")
    return tmp_path


def test_csv_import_reports_each_bad_line_and_is_idempotent(folder):
    out, err = run(folder / "list.csv", "--files", str(folder))
    assert "2 tạo mới, 0 cập nhật, 0 không đổi, 3 bị từ chối" in out
    assert "dòng 4: so_ky_hieu: bắt buộc" in err
    assert "dòng 5: ngay_ban_hanh: ngày không hợp lệ" in err
    assert "dòng 6:" in err and "PDF" in err
    decree = LegalDocumentPage.objects.get(number="42/2022/NĐ-CP")
    assert decree.live and decree.attachments.count() == 1
    old = LegalDocumentPage.objects.get(number="43/2011/NĐ-CP")
    assert old.validity() == Validity.REPLACED
    # The attachment's text was read by the command, so the search finds its words.
    assert AttachmentFile.objects.get().status == "done"
    assert " fortytwo " in LegalDocumentPage.objects.get(pk=decree.pk).search_text

    out, _err = run(folder / "list.csv", "--files", str(folder))
    assert "0 tạo mới, 0 cập nhật, 2 không đổi" in out
    assert LegalDocumentPage.objects.count() == 2


def stored_files(settings):
    media = Path(settings.MEDIA_ROOT)
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def test_dry_run_writes_nothing(folder, settings):
    """Nothing in the database and no attachment in MEDIA_ROOT; the report is a real run's,
    the attachment checked by content (the disguised "gia.pdf" still refused)."""
    out, err = run(folder / "list.csv", "--files", str(folder), "--dry-run")
    assert out.startswith("[thử, không ghi]") and "2 tạo mới" in out and "3 bị từ chối" in out
    assert "dòng 6:" in err and "PDF" in err
    assert not LegalDocumentPage.objects.exists()
    assert stored_files(settings) == []

    run(folder / "list.csv", "--files", str(folder))  # the same file for real stores nd42.pdf
    assert [path.suffix for path in stored_files(settings)] == [".pdf"]


def test_xlsx_import_with_excel_dates(tmp_path, index_page, settings):
    import datetime

    settings.ELASTICSEARCH_URL = ""
    book = Workbook()
    sheet = book.active
    sheet.append(["Số ký hiệu", "Loại", "Cơ quan ban hành", "Ngày ban hành", "Trích yếu"])
    sheet.append(
        ["60/2014/QH13", "Luật", "Quốc hội", datetime.datetime(2014, 11, 20), "Luật Hộ tịch"]
    )
    book.save(tmp_path / "list.xlsx")
    out, _err = run(tmp_path / "list.xlsx")
    assert "1 tạo mới" in out
    assert LegalDocumentPage.objects.get().issue_date == datetime.date(2014, 11, 20)
