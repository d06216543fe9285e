"""Demo content of the statistics section: the province's published figures for 2023.

Source: the old portal's article on administrative reform in 2023 (the project's seed page):
288.008 dossiers received across the three levels, 279.079 resolved, 121.527 received online.
"""

from stats.models import DossierStatistic, Level, Month, StatisticsPage

PAGE = {
    "title": "Thống kê",
    "slug": "thong-ke",
    "intro": "Số liệu tiếp nhận, giải quyết hồ sơ thủ tục hành chính và bộ thủ tục hành chính "
    "áp dụng trên địa bàn thành phố.",
}

FIGURES_2023 = {
    "received": 288_008,
    "resolved": 279_079,
    "received_online": 121_527,
    "source": "Báo cáo kết quả cải cách hành chính năm 2023 (dữ liệu minh họa)",
}


def load(home, stdout):
    """Create what is missing; never change what editors have since changed."""
    created = []
    __, new = DossierStatistic.objects.get_or_create(
        year=2023, month=Month.WHOLE_YEAR, level=Level.ALL, defaults=FIGURES_2023
    )
    if new:
        created.append("2023")
    if not StatisticsPage.objects.child_of(home).filter(slug=PAGE["slug"]).exists():
        page = home.add_child(instance=StatisticsPage(show_in_menus=True, **PAGE))
        page.save_revision().publish()
        created.append(PAGE["title"])
    if created:
        stdout.write(f"Statistics demo: created {', '.join(created)}.")
