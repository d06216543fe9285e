"""Live figures of the procedure directory (search.Procedure), for the statistics page.

Counted in two queries: one GROUP BY over the plain fields (source, online level, field),
labelled with their choices, and one over the many-to-many `levels` (a procedure carried out
at two levels counts once at each).
"""

import logging
from dataclasses import dataclass, field

from django.db import DatabaseError
from django.db.models import Count
from django.utils.translation import gettext as _

from procedures.models import Procedure
from stats import charts

logger = logging.getLogger(__name__)

TOP_FIELDS = 12


@dataclass
class ProcedureFigures:
    available: bool = False
    total: int = 0
    by_source: list = field(default_factory=list)
    by_level: list = field(default_factory=list)
    by_online_level: list = field(default_factory=list)
    by_field: list = field(default_factory=list)
    charts: list = field(default_factory=list)


def _ranked(counts):
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _count_by_fields(queryset, names):
    """{name: [(label, count)]} for plain fields, all from one GROUP BY query."""
    fields = {name: queryset.model._meta.get_field(name) for name in names}
    counts = {name: {} for name in fields}
    for row in queryset.values(*fields).annotate(count=Count("pk")).order_by():
        for name, model_field in fields.items():
            labels = dict(model_field.flatchoices) if model_field.choices else {}
            label = str(labels.get(row[name], row[name]) or _("Chưa xác định"))
            counts[name][label] = counts[name].get(label, 0) + row["count"]
    return {name: _ranked(values) for name, values in counts.items()}


def _count_by_level(queryset):
    """[(level name, count)]: procedures per level of government (many-to-many)."""
    rows = queryset.values("levels__name").annotate(count=Count("pk", distinct=True)).order_by()
    return _ranked({str(row["levels__name"] or _("Chưa xác định")): row["count"] for row in rows})


def procedure_figures():
    queryset = Procedure.objects.all()
    try:
        figures = ProcedureFigures(available=True, total=queryset.count())
        counts = _count_by_fields(queryset, ["source", "online_level", "field"])
        figures.by_source = counts["source"]
        figures.by_online_level = counts["online_level"]
        figures.by_field = counts["field"]
        figures.by_level = _count_by_level(queryset)
    except DatabaseError:
        logger.warning("Procedure figures unavailable", exc_info=True)
        return ProcedureFigures()
    heading = _("Số thủ tục")
    if figures.by_level:
        figures.charts.append(
            charts.bar_chart(
                "thu-tuc-theo-cap",
                _("Thủ tục hành chính theo cấp thực hiện"),
                figures.by_level,
                value_heading=heading,
                label_heading=_("Cấp thực hiện"),
            )
        )
    if figures.by_online_level:
        figures.charts.append(
            charts.bar_chart(
                "thu-tuc-theo-muc-do",
                _("Thủ tục hành chính theo mức độ dịch vụ công trực tuyến"),
                figures.by_online_level,
                value_heading=heading,
                label_heading=_("Mức độ"),
            )
        )
    if figures.by_field:
        figures.charts.append(
            charts.horizontal_bar_chart(
                "thu-tuc-theo-linh-vuc",
                _("%(count)s lĩnh vực có nhiều thủ tục nhất")
                % {"count": min(TOP_FIELDS, len(figures.by_field))},
                figures.by_field[:TOP_FIELDS],
                value_heading=heading,
                label_heading=_("Lĩnh vực"),
            )
        )
    return figures
