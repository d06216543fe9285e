"""Procedure figures computed live from the directory (search.Procedure)."""

import pytest

from procedures.models import Procedure
from stats import procedures
from stats.models import DossierStatistic, Level

pytestmark = pytest.mark.postgres


def test_an_empty_directory_has_no_figures_and_no_error(db):
    figures = procedures.procedure_figures()

    assert figures.total == 0 and figures.charts == []


def test_counts_by_a_field_with_choices_use_their_labels(db):
    for level in (Level.PROVINCE, Level.PROVINCE, Level.COMMUNE):
        DossierStatistic.objects.create(
            year=2000 + DossierStatistic.objects.count(),
            level=level,
            received=1,
            resolved=1,
            received_online=0,
        )

    counted = procedures._count_by_fields(DossierStatistic.objects.all(), ["level", "month"])

    assert counted == {"level": [("Cấp tỉnh", 2), ("Cấp xã", 1)], "month": [("Cả năm", 3)]}


def test_figures_come_live_from_the_directory(db, client, home_page):
    from procedures.models import Level as ProcedureLevel
    from stats.models import StatisticsPage
    from tests.conftest import add_page

    province = ProcedureLevel.objects.get(code="tinh")  # the levels come with a migration
    commune = ProcedureLevel.objects.get(code="xa")
    rows = [
        ("1.000001", "Hộ tịch", "toan_trinh", "trung_uong", [province, commune]),
        ("1.000002", "Hộ tịch", "mot_phan", "trung_uong", [commune]),
        ("1.000003", "Đất đai", "khong", "trung_uong", [province]),
        ("1.000004", "Du lịch", "toan_trinh", "dia_phuong", [province]),
    ]
    for code, field, online, source, levels in rows:
        procedure = Procedure(
            code=code, name=f"Thủ tục {code}", field=field, online_level=online, source=source
        )
        procedure.levels = levels
        procedure.save()

    figures = procedures.procedure_figures()

    assert figures.total == 4
    assert dict(figures.by_source) == {"Trung ương ban hành": 3, "Đặc thù của tỉnh": 1}
    assert dict(figures.by_level) == {"Cấp tỉnh": 3, "Cấp xã": 2}
    assert dict(figures.by_field)["Hộ tịch"] == 2
    assert dict(figures.by_online_level)["Toàn trình"] == 2

    add_page(home_page, StatisticsPage, title="Thống kê", slug="thong-ke")
    html = client.get("/thong-ke/").content.decode()
    # The portal's settings name the locality: a province by default.
    assert "áp dụng trên địa bàn tỉnh có <strong>4</strong> thủ tục" in html
    assert "Đặc thù của tỉnh" in html
