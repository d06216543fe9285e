"""manage.py import_procedures: idempotent upsert, bad lines reported, nothing half-written."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from procedures.models import DossierItem, Procedure, SubmissionWay
from tests.procedures.conftest import FIXTURE, import_file

pytestmark = pytest.mark.django_db


def fixture_lines():
    return FIXTURE.read_text(encoding="utf-8").splitlines()


def run_command(*args):
    out, err = StringIO(), StringIO()
    call_command("import_procedures", *args, "--no-progress", "--no-index", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_parses_a_real_procedure(catalogue):
    birth = Procedure.objects.get(code="1.001193")
    assert birth.name == "Thủ tục đăng ký khai sinh"
    assert [level.code for level in birth.levels.all()] == ["xa"]
    assert birth.field == "Hộ tịch"
    assert birth.issuing_agency == "Bộ Tư pháp"
    assert birth.raw_record["ma_thu_tuc"] == "1.001193"  # the source, kept beside the parse
    assert birth.ways.exists() and birth.dossier_items.exists() and birth.legal_documents.exists()
    assert all(way.processing_time for way in birth.ways.all())
    assert birth.original_url.startswith("https://dichvucong.gov.vn/")
    assert " dang ki khai sinh " in birth.search_text


def test_reimport_changes_nothing(catalogue):
    before = list(Procedure.objects.order_by("code").values_list("code", "updated_at"))
    children = SubmissionWay.objects.count(), DossierItem.objects.count()

    out, err = run_command(str(FIXTURE))

    assert "0 tạo mới, 0 cập nhật, 84 không đổi, 0 bị từ chối" in out
    assert err == ""
    assert list(Procedure.objects.order_by("code").values_list("code", "updated_at")) == before
    assert (SubmissionWay.objects.count(), DossierItem.objects.count()) == children


def test_changed_source_updates_only_that_procedure(catalogue, tmp_path):
    lines = fixture_lines()
    record = json.loads(lines[0])
    record["ten_thu_tuc"] = record["ten_thu_tuc"] + " (sửa đổi)"
    record["cach_thuc_thuc_hien"] = (
        "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến3 Ngày làm việcMiễn phí"
    )
    lines[0] = json.dumps(record, ensure_ascii=False)
    path = tmp_path / "changed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")

    out, _ = run_command(str(path))

    assert "0 tạo mới, 1 cập nhật, 83 không đổi" in out
    procedure = Procedure.objects.get(code=record["ma_thu_tuc"])
    assert procedure.name.endswith("(sửa đổi)")
    assert [(w.method, w.processing_time) for w in procedure.ways.all()] == [
        ("online", "3 Ngày làm việc")
    ]
    assert procedure.online_level == "toan_trinh"


def test_bad_lines_are_reported_with_line_numbers_and_the_rest_imports(tmp_path):
    good = fixture_lines()[:3]
    no_code = json.loads(good[0]) | {"ma_thu_tuc": ""}
    no_name = json.loads(good[1]) | {"ma_thu_tuc": "9.000001", "ten_thu_tuc": "  "}
    bad_code = json.loads(good[1]) | {"ma_thu_tuc": "abc; DROP TABLE"}
    conflicting = json.loads(good[0]) | {"ten_thu_tuc": "Tên khác"}
    lines = [
        good[0],
        '{"ma_thu_tuc": "1.000001", "ten_thu_tuc": ',  # line 2: cut short
        json.dumps(no_code, ensure_ascii=False),  # 3
        "",  # 4: blank, skipped
        json.dumps(no_name, ensure_ascii=False),  # 5
        "[1, 2, 3]",  # 6
        json.dumps(bad_code, ensure_ascii=False),  # 7
        good[1],  # 8
        json.dumps(conflicting, ensure_ascii=False),  # 9: same code as line 1, other content
        good[2],  # 10
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")

    out, err = run_command(str(path))

    assert "3 tạo mới, 0 cập nhật, 0 không đổi, 6 bị từ chối" in out
    assert "dòng 2: JSON không hợp lệ" in err
    assert "dòng 3: thiếu mã thủ tục" in err
    assert "dòng 5: thiếu tên thủ tục" in err
    assert "dòng 6: dòng không phải một đối tượng JSON" in err
    assert "dòng 7: mã thủ tục không hợp lệ" in err
    assert f"dòng 9: mã {json.loads(good[0])['ma_thu_tuc']} trùng với dòng 1" in err
    assert Procedure.objects.count() == 3


def test_a_failure_while_writing_leaves_nothing_behind(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(DossierItem.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        import_file(FIXTURE)
    assert Procedure.objects.count() == 0
    assert SubmissionWay.objects.count() == 0


def test_dry_run_writes_nothing():
    out, _ = run_command(str(FIXTURE), "--dry-run")
    assert "84 tạo mới" in out and "[thử, không ghi]" in out
    assert Procedure.objects.count() == 0


def write_list(path, rows):
    """An XLSX list as dichvucong.gov.vn exports it: a banner row, then the header."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách TTHC"
    sheet.append(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n...\nDANH SÁCH THỦ TỤC HÀNH CHÍNH"])
    sheet.append(["Mã số", "Tên", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực"])
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_xlsx_list_creates_and_updates_only_its_columns(catalogue, tmp_path):
    path = tmp_path / "danh-sach.xlsx"
    birth = Procedure.objects.get(code="1.001193")
    dossier = birth.dossier_items.count()
    write_list(
        path,
        [
            [
                "1.001193",
                birth.name,
                "Bộ Tư pháp",
                "Ủy ban nhân dân cấp xã\nCông an cấp xã",
                "Hộ tịch",
            ],
            ["1.000948.H38", "Thủ tục đặc thù của tỉnh", "UBND tỉnh", "Sở Tư pháp", "Hộ tịch"],
            [None, "Không có mã", "Bộ Tư pháp", "", ""],
        ],
    )

    out, err = run_command(str(path))

    assert "1 tạo mới, 1 cập nhật, 0 không đổi, 1 bị từ chối" in out
    assert "dòng 5: thiếu mã thủ tục" in err
    birth.refresh_from_db()
    assert {a.name for a in birth.implementing_agencies.all()} == {
        "Ủy ban nhân dân cấp xã",
        "Công an cấp xã",
    }
    assert birth.dossier_items.count() == dossier  # not in the list: left alone
    assert birth.raw_record and birth.raw_list_row["Mã số"] == "1.001193"
    local = Procedure.objects.get(code="1.000948.H38")
    assert local.source == "dia_phuong"

    out, _ = run_command(str(path))
    assert "0 tạo mới, 0 cập nhật, 2 không đổi, 1 bị từ chối" in out


def test_unknown_file_type_is_a_clear_error(tmp_path):
    path = tmp_path / "procedures.csv"
    path.write_text("x")
    with pytest.raises(CommandError, match="chỉ nhận .jsonl hoặc .xlsx"):
        run_command(str(path))
