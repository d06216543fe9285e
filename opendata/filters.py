"""Query parameters shared by the lists: days in the portal's time zone, and choices whose
errors quote a refused value neutralised (portal.quoting), with Vietnamese messages for what
does not parse."""

import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import fields as filter_fields
from rest_framework import exceptions

from portal.quoting import QuotesInvalidChoice

DATE_FORMAT = "%Y-%m-%d"


class _QuotedChoiceField(QuotesInvalidChoice, filter_fields.ChoiceField):
    pass


class _QuotedModelChoiceField(QuotesInvalidChoice, filter_fields.ModelChoiceField):
    pass


class ChoiceFilter(django_filters.ChoiceFilter):
    """A choice whose error quotes the refused value neutralised and truncated."""

    field_class = _QuotedChoiceField


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice of rows whose error quotes the refused value neutralised and truncated."""

    field_class = _QuotedModelChoiceField


def day_start(day):
    """Midnight at the start of `day` in Asia/Ho_Chi_Minh (TIME_ZONE), as an aware datetime."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


def date_filter(help_text):
    return django_filters.DateFilter(
        method="filter_days",
        input_formats=[DATE_FORMAT],
        help_text=help_text,
        error_messages={"invalid": _("Ngày phải viết dạng YYYY-MM-DD, ví dụ 2024-10-27.")},
    )


class DayRangeFilterSet(django_filters.FilterSet):
    """`date` (one day), `date_from` and `date_to` (inclusive) on the model's DAY_FIELD, a
    date-time compared with the local days' bounds so that its index is used."""

    DAY_FIELD = "date"

    date = date_filter(_("Chỉ những mục của ngày này (YYYY-MM-DD, giờ Việt Nam)."))
    date_from = date_filter(_("Từ ngày này trở đi (YYYY-MM-DD, tính cả ngày này)."))
    date_to = date_filter(_("Đến hết ngày này (YYYY-MM-DD, tính cả ngày này)."))

    def filter_days(self, queryset, name, value):
        field = self.DAY_FIELD
        if name in ("date", "date_from"):
            queryset = queryset.filter(**{f"{field}__gte": day_start(value)})
        if name in ("date", "date_to"):
            next_day = value + datetime.timedelta(days=1)
            queryset = queryset.filter(**{f"{field}__lt": day_start(next_day)})
        return queryset

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise exceptions.ValidationError(
                {"date_from": [_("Ngày bắt đầu (date_from) phải trước ngày kết thúc (date_to).")]}
            )
        return super().filter_queryset(queryset)
