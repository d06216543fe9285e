"""The statistics section ("Thống kê") of the public site."""

from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from home.route_cache import KnownRestrictionsMixin
from home.slugs import AsciiSlugMixin


class StatisticsPage(AsciiSlugMixin, KnownRestrictionsMixin, Page):
    """Dossier statistics by year, month and level, and live figures of the procedure directory."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("trang thống kê")

    def serve(self, request, *args, **kwargs):
        from stats import dossiers

        years = dossiers.years_with_data()
        request.stats_years = years
        request.stats_year = years[-1] if years else None
        raw_year = request.GET.get("nam", "").strip()
        if raw_year:
            if not (raw_year.isdigit() and len(raw_year) == 4):
                context = self.get_context(request, *args, **kwargs)
                context["year_error"] = _("Năm không hợp lệ: hãy chọn một năm trong danh sách.")
                template = self.get_template(request, *args, **kwargs)
                return TemplateResponse(request, template, context, status=400)
            if int(raw_year) not in years:
                raise Http404(_("Chưa có số liệu của năm này."))
            request.stats_year = int(raw_year)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from stats import dossiers, procedures

        context = super().get_context(request, *args, **kwargs)
        years = getattr(request, "stats_years", None)
        if years is None:
            years = dossiers.years_with_data()
        year = getattr(request, "stats_year", years[-1] if years else None)
        context.update(dossiers.page_figures(year, years))
        context["procedures"] = procedures.procedure_figures()
        return context
