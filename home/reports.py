"""Admin report: how satisfied visitors are with each page (Decree 42/2022 Art. 8d)."""

from django.db.models import Count, Max, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from home.models import PageRating


class SatisfactionColumn(Column):
    def get_value(self, instance):
        if not instance.rating_total:
            return "–"
        return f"{round(100 * instance.rating_yes / instance.rating_total)}%"


class RatingReportView(ReportView):
    page_title = _("Đánh giá thông tin")
    header_icon = "pick"
    index_url_name = "page_ratings_report"
    index_results_url_name = "page_ratings_report_results"
    permission_required = "view"
    paginate_by = 50
    list_export = ["title", "rating_yes", "rating_no", "rating_total", "rating_last"]
    export_headings = {
        "title": _("Trang"),
        "rating_yes": _("Hài lòng"),
        "rating_no": _("Không hài lòng"),
        "rating_total": _("Tổng số"),
        "rating_last": _("Lần gần nhất"),
    }
    columns = [
        TitleColumn(
            "title",
            label=_("Trang"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column("rating_yes", label=_("Hài lòng")),
        Column("rating_no", label=_("Không hài lòng")),
        Column("rating_total", label=_("Tổng số")),
        SatisfactionColumn("satisfaction", label=_("Tỷ lệ hài lòng")),
        Column("rating_last", label=_("Lần gần nhất")),
    ]

    @cached_property
    def permission_policy(self):
        return ModelPermissionPolicy(PageRating)

    def get_queryset(self):
        return (
            Page.objects.filter(ratings__isnull=False)
            .annotate(
                rating_total=Count("ratings"),
                rating_yes=Count("ratings", filter=Q(ratings__satisfied=True)),
                rating_no=Count("ratings", filter=Q(ratings__satisfied=False)),
                rating_last=Max("ratings__created_at"),
            )
            .order_by("-rating_total", "title")
        )
