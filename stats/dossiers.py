"""Dossier statistics for the statistics page: totals by year, level and month, with charts.

Editors may enter whole-year figures, monthly figures, or both, per level or for all three
levels at once. The rule that keeps totals from being counted twice: a whole-year row wins
over the sum of that year's months, and an all-level row wins over the sum of the levels.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from stats import charts
from stats.models import DossierStatistic, Level, Month

LEVELS = [Level.PROVINCE, Level.DISTRICT, Level.COMMUNE]


@dataclass
class Figures:
    received: int = 0
    resolved: int = 0
    received_online: int = 0

    def __add__(self, other):
        return Figures(
            self.received + other.received,
            self.resolved + other.resolved,
            self.received_online + other.received_online,
        )

    @property
    def resolved_rate(self):
        return self._rate(self.resolved)

    @property
    def online_rate(self):
        return self._rate(self.received_online)

    def _rate(self, part):
        return round(100 * part / self.received, 1) if self.received else None


def _sum(figures):
    total = None
    for item in figures:
        if item is not None:
            total = item if total is None else total + item
    return total


def years_with_data():
    return list(DossierStatistic.objects.order_by("year").values_list("year", flat=True).distinct())


def _rows(year):
    return {
        (row.month, row.level): Figures(row.received, row.resolved, row.received_online)
        for row in DossierStatistic.objects.filter(year=year)
    }


def _level_total(rows, level):
    whole_year = rows.get((Month.WHOLE_YEAR, level))
    if whole_year is not None:
        return whole_year
    return _sum(rows.get((month, level)) for month in range(1, 13))


def _month_total(rows, month):
    all_levels = rows.get((month, Level.ALL))
    if all_levels is not None:
        return all_levels
    return _sum(rows.get((month, level)) for level in LEVELS)


def year_summary(year):
    """Totals of one year: overall, per level and per month (None where nothing was entered)."""
    rows = _rows(year)
    by_level = {level: _level_total(rows, level) for level in LEVELS}
    by_month = {month: _month_total(rows, month) for month in range(1, 13)}
    total = _level_total(rows, Level.ALL)
    if total is None:
        total = _sum(by_level.values())
    if total is None:
        total = _sum(by_month.values())
    return total, by_level, by_month


def yearly_received(years):
    return [(year, year_summary(year)[0] or Figures()) for year in years]


def page_figures(year, years):
    """Everything the statistics page shows about dossiers, charts included."""
    if year is None:
        return {"years": years, "year": None, "total": None}
    total, by_level, by_month = year_summary(year)
    levels = [(level.label, figures) for level, figures in by_level.items() if figures]
    months = [(Month(month).label, figures) for month, figures in by_month.items() if figures]
    context = {"years": years, "year": year, "total": total, "levels": levels, "months": months}
    if levels:
        context["level_chart"] = charts.bar_chart(
            "ho-so-theo-cap",
            _("Hồ sơ tiếp nhận năm %(year)s theo cấp") % {"year": year},
            [(label, figures.received) for label, figures in levels],
            value_heading=_("Hồ sơ tiếp nhận"),
            label_heading=_("Cấp"),
        )
    if months:
        context["month_chart"] = charts.line_chart(
            "ho-so-theo-thang",
            _("Hồ sơ tiếp nhận năm %(year)s theo tháng") % {"year": year},
            [(label, figures.received) for label, figures in months],
            value_heading=_("Hồ sơ tiếp nhận"),
            label_heading=_("Tháng"),
        )
    if len(years) > 1:
        context["year_chart"] = charts.bar_chart(
            "ho-so-theo-nam",
            _("Hồ sơ tiếp nhận qua các năm"),
            [(str(y), figures.received) for y, figures in yearly_received(years)],
            value_heading=_("Hồ sơ tiếp nhận"),
            label_heading=_("Năm"),
        )
    return context
