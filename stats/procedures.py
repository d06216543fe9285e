"""Live figures of the procedure directory (search.Procedure), for the statistics page.

The directory is built on its own branch; this module is the only place that knows its
shape, and it asks for it lazily: while `search.Procedure` does not exist (or lacks one of
the fields below), the figures it cannot compute are simply absent and the page says so.

Fields read when present: `levels` (many-to-many to a model with `name`, or a `level`
field with choices), `field` (lĩnh vực), `online_level` and `source` (with choices: central
"trung_uong" vs the province's own "dia_phuong").
"""

import logging
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import DatabaseError
from django.db.models import Count
from django.utils.translation import gettext as _

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


def procedure_model():
    try:
        return apps.get_model("search", "Procedure")
    except LookupError:
        return None


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _ranked(counts):
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _count_by_fields(queryset, model, names):
    """{name: [(label, count)]} for plain fields, all from one GROUP BY query."""
    fields = {name: _field(model, name) for name in names}
    fields = {name: f for name, f in fields.items() if f is not None and not f.is_relation}
    if not fields:
        return {}
    counts = {name: {} for name in fields}
    for row in queryset.values(*fields).annotate(count=Count("pk")).order_by():
        for name, model_field in fields.items():
            labels = dict(model_field.flatchoices) if model_field.choices else {}
            label = str(labels.get(row[name], row[name]) or _("Chưa xác định"))
            counts[name][label] = counts[name].get(label, 0) + row["count"]
    return {name: _ranked(values) for name, values in counts.items()}


def _count_by_relation(queryset, model, name):
    """[(label, count)] for a many-to-many or foreign key, labelled by the related `name`."""
    model_field = _field(model, name)
    if model_field is None or not model_field.is_relation:
        return []
    key = f"{name}__name" if _field(model_field.related_model, "name") else f"{name}__pk"
    rows = queryset.values(key).annotate(count=Count("pk", distinct=True)).order_by()
    return _ranked({str(row[key] or _("Chưa xác định")): row["count"] for row in rows})


def procedure_figures():
    model = procedure_model()
    if model is None:
        return ProcedureFigures()
    queryset = model.objects.all()
    try:
        figures = ProcedureFigures(available=True, total=queryset.count())
        counts = _count_by_fields(queryset, model, ["source", "online_level", "field", "level"])
        figures.by_source = counts.get("source", [])
        figures.by_online_level = counts.get("online_level", [])
        figures.by_field = counts.get("field", [])
        figures.by_level = counts.get("level") or _count_by_relation(queryset, model, "levels")
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
