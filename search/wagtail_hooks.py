"""The procedure catalogue in the Wagtail admin (Snippets → Thủ tục hành chính)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from search.models import Agency, Procedure
from search.searchtext import words


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


class ProcedureGroup(SnippetViewSetGroup):
    items = (ProcedureViewSet, AgencyViewSet)
    menu_icon = "list-ul"
    menu_label = _("Thủ tục hành chính")
    menu_name = "procedures"


register_snippet(ProcedureGroup)


@hooks.register("register_sitemaps")
def procedure_sitemaps():
    from search.sitemaps import ProcedureSitemap

    return {"procedures": ProcedureSitemap}
