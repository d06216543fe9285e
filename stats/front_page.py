"""The home page's "key statistics" slot: the procedure directory and the latest dossier year.

The figures change only when procedures are imported or dossier figures entered, so they are
kept in the cache for KEY_FIGURES_SECONDS (saving or deleting a procedure or a dossier row
forgets them at once: stats/signal_handlers.py; a bulk import, which sends no signal, shows
within that time). Only numbers are cached: labels and links are made per request, in the
visitor's language.
"""

from django.core.cache import cache
from django.db.models import Count
from django.utils.translation import gettext as _

from home import front_page
from procedures.models import Procedure
from stats import dossiers

CACHE_KEY = "home-key-figures"
KEY_FIGURES_SECONDS = 300
FULLY_ONLINE = "toan_trinh"


def read_figures():
    figures = {"procedures": 0, "fully_online": 0, "year": None}
    rows = Procedure.objects.values("online_level").annotate(n=Count("pk")).order_by()
    for row in rows:
        figures["procedures"] += row["n"]
        if row["online_level"] == FULLY_ONLINE:
            figures["fully_online"] = row["n"]
    years = dossiers.years_with_data()
    if years:
        total = dossiers.year_summary(years[-1])[0]
        if total is not None:
            figures.update(
                year=years[-1],
                received=total.received,
                resolved_rate=total.resolved_rate,
                online_rate=total.online_rate,
            )
    return figures


def key_figures():
    return cache.get_or_set(CACHE_KEY, read_figures, KEY_FIGURES_SECONDS)


def forget_key_figures(**kwargs):
    cache.delete(CACHE_KEY)


def key_statistics(home, request):
    figures = key_figures()
    directory = front_page.section_page(home, request, "search.ProcedureDirectoryPage")
    statistics = front_page.section_page(home, request, "stats.StatisticsPage")
    directory_url = directory.get_url(request) if directory is not None else ""
    statistics_url = statistics.get_url(request) if statistics is not None else ""
    items = []
    if figures["procedures"]:
        items.append(
            {
                "label": _("Thủ tục hành chính"),
                "value": figures["procedures"],
                "url": directory_url,
            }
        )
        items.append(
            {
                "label": _("Dịch vụ công trực tuyến toàn trình"),
                "value": figures["fully_online"],
                "url": f"{directory_url}?online={FULLY_ONLINE}" if directory_url else "",
            }
        )
    if figures["year"]:
        year = figures["year"]
        items.append(
            {
                "label": _("Hồ sơ tiếp nhận năm %(year)s") % {"year": year},
                "value": figures["received"],
                "url": statistics_url,
            }
        )
        if figures["resolved_rate"] is not None:
            items.append(
                {
                    "label": _("Tỷ lệ hồ sơ đã giải quyết năm %(year)s") % {"year": year},
                    "value": figures["resolved_rate"],
                    "unit": "%",
                }
            )
    return items
