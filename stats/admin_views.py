"""Admin views of the statistics section: visit history chart and CSV import of dossiers."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies import ModelPermissionPolicy

from stats import charts, clock, counters, store
from stats.dossier_import import MAX_BYTES, ImportRejected, import_dossier_statistics
from stats.models import DossierStatistic, VisitDay

HISTORY_DAYS = (30, 90, 365)


class VisitHistoryView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Lượt truy cập")
    header_icon = "view"
    template_name = "stats/admin/visit_history.html"

    def dispatch(self, request, *args, **kwargs):
        if not ModelPermissionPolicy(VisitDay).user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = self.request.GET.get("ngay", "")
        days = int(days) if days.isdigit() and int(days) in HISTORY_DAYS else HISTORY_DAYS[0]
        now = clock.now()
        history = store.daily_history(days, now)
        try:
            figures = counters.read_from_store(now)  # editors see them live, not cached
        except DatabaseError:
            figures = counters.current_figures()
        context.update(
            days=days,
            day_choices=HISTORY_DAYS,
            figures=figures,
            chart=charts.line_chart(
                "luot-truy-cap-theo-ngay",
                _("Lượt truy cập mỗi ngày, %(days)s ngày gần nhất") % {"days": days},
                [(day.strftime("%d/%m/%Y"), visits) for day, visits in history],
                value_heading=_("Lượt truy cập"),
                label_heading=_("Ngày"),
            ),
        )
        return context


class DossierImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp CSV"),
        help_text=gettext_lazy(
            "Các cột: nam, thang, cap, tiep_nhan, da_giai_quyet, tiep_nhan_truc_tuyen, nguon "
            "(không bắt buộc). Mã hóa UTF-8, tối đa 2 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Chỉ nhận tệp .csv."), code="type")
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 2 MB)."), code="size")
        return upload


class DossierImportView(WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Nhập số liệu hồ sơ từ CSV")
    header_icon = "upload"
    template_name = "stats/admin/dossier_import.html"
    form_class = DossierImportForm
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        policy = ModelPermissionPolicy(DossierStatistic)
        if not policy.user_has_permission(request.user, "add") or not (
            policy.user_has_permission(request.user, "change")
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Số liệu hồ sơ")},
            {"url": "", "label": self.page_title},
        ]

    def form_valid(self, form):
        try:
            report = import_dossier_statistics(form.cleaned_data["file"].read())
        except ImportRejected as rejected:
            context = self.get_context_data(form=form, report=rejected.report)
            return self.render_to_response(context, status=400)
        messages.success(self.request, report.summary())
        return redirect(self.index_url_name)

    def form_invalid(self, form):
        too_large = any(error.code == "size" for error in form.errors.as_data().get("file", []))
        return self.render_to_response(
            self.get_context_data(form=form), status=413 if too_large else 400
        )
