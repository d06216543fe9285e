"""CSV import of dossier statistics: all rows or none, with a report per bad row."""

import pytest
from django.core.management import CommandError, call_command

from stats.dossier_import import ImportRejected, import_dossier_statistics
from stats.models import DossierStatistic, Level

pytestmark = pytest.mark.postgres

GOOD = (
    "nam,thang,cap,tiep_nhan,da_giai_quyet,tiep_nhan_truc_tuyen,nguon\n"
    "2023,,,288.008,279.079,121.527,Báo cáo năm 2023\n"
    "2024,1,tỉnh,1200,1100,800,\n"
    '2024,1,Cấp huyện,"2,300",2100,900,\n'
    "2024,Tháng 2,xã,3 400,3000,1000,\n"
)


def test_a_good_file_imports_every_row(db):
    report = import_dossier_statistics(GOOD.encode())

    assert (report.created, report.updated) == (4, 0)
    year = DossierStatistic.objects.get(year=2023, month=0, level=Level.ALL)
    assert (year.received, year.resolved, year.received_online) == (288_008, 279_079, 121_527)
    assert DossierStatistic.objects.get(year=2024, month=1, level=Level.DISTRICT).received == 2300
    assert DossierStatistic.objects.get(year=2024, month=2, level=Level.COMMUNE).received == 3400
    assert "Đã nhập 4 dòng" in report.summary()


def test_importing_again_updates_instead_of_duplicating(db):
    import_dossier_statistics(GOOD.encode())
    report = import_dossier_statistics(GOOD.replace("1200,1100", "1300,1100").encode())

    assert (report.created, report.updated) == (0, 4)
    assert DossierStatistic.objects.count() == 4
    assert DossierStatistic.objects.get(year=2024, month=1, level=Level.PROVINCE).received == 1300


def test_excel_style_semicolons_bom_and_vietnamese_headers(db):
    data = "\ufeffNăm;Tháng;Cấp;Tiếp nhận;Đã giải quyết;Tiếp nhận trực tuyến\n2022;12;xã;10;9;5\n"
    import_dossier_statistics(data.encode("utf-8"))

    assert DossierStatistic.objects.get().level == Level.COMMUNE


def test_bad_rows_are_all_reported_and_nothing_is_imported(db):
    data = GOOD + (
        "20x3,1,tỉnh,10,9,5,\n"  # line 6: year
        "2024,13,tỉnh,10,9,5,\n"  # line 7: month
        "2024,3,phường,10,9,5,\n"  # line 8: level
        "2024,3,tỉnh,10,9,50,\n"  # line 9: more online than received
        "2024,1,tỉnh,5,5,5,\n"  # line 10: same period and level as line 3
        "2024,4,tỉnh,-1,0,0,\n"  # line 11: negative
    )
    with pytest.raises(ImportRejected) as rejected:
        import_dossier_statistics(data.encode())

    report = rejected.value.report
    assert [error.line for error in report.errors] == [6, 7, 8, 9, 10, 11]
    lines = list(report.lines())
    assert lines[0].startswith("Dòng 6: “Năm” phải là số nguyên")
    assert "Tháng phải từ 1 đến 12" in lines[1]
    assert "Cấp “phường” không hợp lệ" in lines[2]
    assert "trực tuyến không được lớn hơn" in lines[3]
    assert "Trùng kỳ và cấp với dòng 3" in lines[4]
    assert report.summary() == "Không nhập dòng nào: 6 dòng có lỗi."
    assert DossierStatistic.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"tiep_nhan,da_giai_quyet\n1,2\n", "Thiếu cột: nam, thang, cap"),
        (b"nam,thang,cap,tiep_nhan,da_giai_quyet,tiep_nhan_truc_tuyen\n", "không có dòng"),
        ("nam,thang\n2023,Thừa\n".encode("utf-16"), "UTF-8"),
        (b"x" * (2 * 1024 * 1024 + 1), "Tệp quá lớn"),
    ],
    ids=["missing columns", "no rows", "not utf-8", "too large"],
)
def test_files_that_are_not_a_statistics_table_are_rejected(db, data, message):
    with pytest.raises(ImportRejected) as rejected:
        import_dossier_statistics(data)

    assert any(message in line for line in rejected.value.report.lines())


def test_management_command_reports_and_fails_on_bad_rows(db, tmp_path, capsys):
    path = tmp_path / "ho-so.csv"
    path.write_text(GOOD + "2024,1,huyện,5,5,9,\n", encoding="utf-8")

    with pytest.raises(CommandError, match="1 dòng có lỗi"):
        call_command("import_dossier_statistics", str(path))

    assert "Dòng 6:" in capsys.readouterr().err
    assert DossierStatistic.objects.count() == 0


def test_management_command_imports_a_good_file(db, tmp_path, capsys):
    path = tmp_path / "ho-so.csv"
    path.write_text(GOOD, encoding="utf-8")

    call_command("import_dossier_statistics", "--dry-run", str(path))
    assert DossierStatistic.objects.count() == 0

    call_command("import_dossier_statistics", str(path))
    assert DossierStatistic.objects.count() == 4
    assert "Đã nhập 4 dòng" in capsys.readouterr().out
