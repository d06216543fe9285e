"""The "Thống kê" section: dossier figures by year, level and month, charts a reader can use."""

import re

import pytest
from django.core.management import call_command
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from stats.models import DossierStatistic, Level, StatisticsPage
from tests.conftest import add_page

pytestmark = pytest.mark.postgres


class StatisticsPageRules(WagtailPageTestCase):
    def test_it_hangs_under_home_and_has_no_children(self):
        self.assertAllowedParentPageTypes(StatisticsPage, {HomePage})
        self.assertAllowedSubpageTypes(StatisticsPage, set())


@pytest.fixture
def statistics_page(home_page):
    return add_page(home_page, StatisticsPage, title="Thống kê", slug="thong-ke")


def figures(year, month=0, level=Level.ALL, received=0, resolved=0, online=0):
    return DossierStatistic.objects.create(
        year=year,
        month=month,
        level=level,
        received=received,
        resolved=resolved,
        received_online=online,
    )


def test_demo_data_shows_the_2023_figures_with_rates(client, db):
    call_command("load_demo_data", verbosity=0)

    html = client.get("/thong-ke/").content.decode()

    assert "Hồ sơ thủ tục hành chính năm 2023" in html
    for shown in ("288.008", "279.079", "121.527", "(96,9%)", "(42,2%)"):
        assert shown in html


def test_demo_data_is_loaded_once(db):
    call_command("load_demo_data", verbosity=0)
    call_command("load_demo_data", verbosity=0)

    assert DossierStatistic.objects.count() == 1
    assert StatisticsPage.objects.count() == 1


def test_levels_and_months_get_a_chart_and_a_table(client, statistics_page):
    figures(2024, 1, Level.PROVINCE, 1200, 1100, 800)
    figures(2024, 1, Level.DISTRICT, 2300, 2100, 900)
    figures(2024, 2, Level.COMMUNE, 3400, 3000, 1000)

    html = client.get("/thong-ke/").content.decode()

    assert "Hồ sơ thủ tục hành chính năm 2024" in html
    assert "6.900" in html  # the year's total, summed from the months
    chart = re.search(r'<svg class="chart__svg".*?</svg>', html, re.S).group(0)
    assert 'role="img"' in chart
    assert '<title id="ho-so-theo-cap-title">Hồ sơ tiếp nhận năm 2024 theo cấp</title>' in chart
    assert "Cấp tỉnh: 1.200; Cấp huyện: 2.300; Cấp xã: 3.400" in chart  # the <desc>
    assert chart.count('class="chart__bar"') == 3
    assert re.search(r'<th scope="row">Tháng 1</th>\s*<td class="number">3.500</td>', html)
    assert "style=" not in chart and "<script" not in chart


def test_a_whole_year_row_wins_over_the_sum_of_its_months(client, statistics_page):
    figures(2023, 0, Level.ALL, 288_008, 279_079, 121_527)
    figures(2023, 5, Level.ALL, 10, 10, 10)

    html = client.get("/thong-ke/?nam=2023").content.decode()

    assert "288.008" in html
    assert "288.018" not in html


def test_years_can_be_chosen_and_compared(client, statistics_page):
    figures(2023, received=288_008, resolved=279_079, online=121_527)
    figures(2024, received=300_000, resolved=290_000, online=150_000)

    latest = client.get("/thong-ke/").content.decode()
    earlier = client.get("/thong-ke/?nam=2023").content.decode()

    assert "năm 2024" in latest and "300.000" in latest
    assert '<a href="?nam=2024" aria-current="page">2024</a>' in latest
    assert "Hồ sơ tiếp nhận qua các năm" in latest
    assert "288.008" in earlier


def test_a_malformed_year_is_a_400_and_an_unknown_one_a_404(client, statistics_page):
    figures(2023, received=1, resolved=1, online=1)

    bad = client.get("/thong-ke/?nam=abc")
    assert bad.status_code == 400
    assert "Năm không hợp lệ" in bad.content.decode()
    assert client.get("/thong-ke/?nam=1999").status_code == 404


def test_without_any_figures_the_page_says_so(client, statistics_page):
    html = client.get("/thong-ke/").content.decode()

    assert "Chưa có số liệu hồ sơ." in html
    assert "Danh mục thủ tục hành chính chưa có dữ liệu." in html
