"""Reports → "Từ tìm kiếm": Wagtail's search-terms report, plus what each term found.

Terms whose last search found nothing are marked, and each row links to a new synonym
(*Snippets → Thủ tục hành chính → Từ đồng nghĩa*) with the term filled in: the editor adds
what the term means, and the next search finds it. It replaces Wagtail's own "Search terms"
menu entry (same figures, more columns); like it, it is for administrators only.
"""

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_filters import BooleanFilter
from wagtail.admin.ui.tables import Column
from wagtail.contrib.search_promotions.views.reports import (
    SearchTermsReportFilterSet,
    SearchTermsReportView,
)

from procedures.models import SearchTermResult


class OutcomeColumn(Column):
    """ "0 — không có kết quả · Thêm từ đồng nghĩa", or the number of results."""

    def get_value(self, instance):
        found = instance.last_results
        add = reverse("wagtailsnippets_search_searchsynonym:add")
        link = f"{add}?{urlencode({'terms': instance.query_string})}"
        if found is None:
            return format_html('— <a href="{}">{}</a>', link, _("Thêm từ đồng nghĩa"))
        if found == 0:
            return format_html(
                '<strong class="status-tag primary">{}</strong> <a href="{}">{}</a>',
                _("0 – không có kết quả"),
                link,
                _("Thêm từ đồng nghĩa"),
            )
        return format_html('{} <a href="{}">{}</a>', found, link, _("Thêm từ đồng nghĩa"))


class TermOutcomeFilterSet(SearchTermsReportFilterSet):
    zero = BooleanFilter(label=_("Không có kết quả"), method="filter_zero")

    def filter_zero(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(last_results=0) if value else queryset.exclude(last_results=0)


class SearchTermOutcomesView(SearchTermsReportView):
    page_title = _("Từ tìm kiếm")
    filterset_class = TermOutcomeFilterSet
    index_url_name = "search_term_outcomes"
    index_results_url_name = "search_term_outcomes_results"
    columns = [
        *SearchTermsReportView.columns,
        OutcomeColumn("last_results", label=_("Kết quả lần gần nhất"), sort_key="last_results"),
    ]
    export_headings = {**SearchTermsReportView.export_headings, "last_results": _("Kết quả")}
    list_export = [*SearchTermsReportView.list_export, "last_results"]

    def get_base_queryset(self):
        found = SearchTermResult.objects.filter(query_string=OuterRef("query_string"))
        return (
            super().get_base_queryset().annotate(last_results=Subquery(found.values("results")[:1]))
        )
