"""The procedure catalogue in the Wagtail admin (Snippets → Thủ tục hành chính)."""

from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from portal.search.text import words
from procedures.models import Agency, Procedure, SearchSynonym
from procedures.reports import SearchTermOutcomesView


class ProcedureIndexView(IndexView):
    """Admin search by code prefix or by words typed with or without diacritics."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = Q(code__istartswith=self.search_query.strip())
        tokens = words(self.search_query)
        if tokens:
            every_word = Q()
            for token in tokens:
                every_word &= Q(name_search__contains=f" {token}")
            query |= every_word
        return queryset.filter(query)


class ProcedureViewSet(SnippetViewSet):
    model = Procedure
    icon = "list-ul"
    menu_label = _("Thủ tục hành chính")
    index_view_class = ProcedureIndexView
    list_display = ["code", "name", "field", "online_level", "updated_at"]
    list_filter = ["levels", "online_level", "source"]
    search_fields = ["code", "name"]
    list_per_page = 50
    ordering = ["name_sort", "code"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = _("Cơ quan thực hiện")
    list_display = ["name"]
    search_fields = ["name"]


class SynonymIndexView(IndexView):
    """Admin search by any word of an entry, typed with or without diacritics."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        text = self.search_query.strip()
        return queryset.filter(Q(terms__icontains=text) | Q(expansions__icontains=text))


class SynonymCreateView(CreateView):
    """ "Thêm từ đồng nghĩa" from the search-terms report arrives with ?terms=<the term>."""

    def get_initial(self):
        initial = super().get_initial()
        terms = self.request.GET.get("terms", "").strip()[:500]
        if terms:
            initial["terms"] = terms
        return initial


class SynonymViewSet(SnippetViewSet):
    """Từ đồng nghĩa: what citizens type, and what the search should also look for."""

    model = SearchSynonym
    icon = "search"
    menu_label = _("Từ đồng nghĩa")
    index_view_class = SynonymIndexView
    add_view_class = SynonymCreateView
    list_display = ["terms", "kind", "expansions", "enabled", "updated_at"]
    list_filter = ["kind", "enabled"]
    search_fields = ["terms", "expansions"]
    list_per_page = 100
    ordering = ["terms"]


class ProcedureGroup(SnippetViewSetGroup):
    items = (ProcedureViewSet, AgencyViewSet, SynonymViewSet)
    menu_icon = "list-ul"
    menu_label = _("Thủ tục hành chính")
    menu_name = "procedures"


register_snippet(ProcedureGroup)


@hooks.register("register_admin_urls")
def search_term_outcome_urls():
    return [
        path(
            "reports/search-term-outcomes/",
            SearchTermOutcomesView.as_view(),
            name="search_term_outcomes",
        ),
        path(
            "reports/search-term-outcomes/results/",
            SearchTermOutcomesView.as_view(results_only=True),
            name="search_term_outcomes_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def search_term_outcomes_menu_item():
    return AdminOnlyMenuItem(
        _("Từ tìm kiếm"),
        reverse("search_term_outcomes"),
        name="search-term-outcomes",
        icon_name="search",
        order=1300,
    )


@hooks.register("construct_reports_menu")
def hide_wagtails_search_terms(request, menu_items):
    """Ours shows the same terms and counts, plus what each found: one entry, not two."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


@hooks.register("register_sitemaps")
def procedure_sitemaps():
    from procedures.sitemaps import ProcedureSitemap

    return {"procedures": ProcedureSitemap}
