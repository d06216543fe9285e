from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from stats.admin_views import DossierImportView, VisitHistoryView
from stats.models import DossierStatistic, VisitDay


class DossierStatisticIndexView(IndexView):
    import_url_name = None

    @property
    def header_buttons(self):
        buttons = super().header_buttons
        user = self.request.user
        if self.permission_policy.user_has_permission(
            user, "add"
        ) and self.permission_policy.user_has_permission(user, "change"):
            url = reverse(self.import_url_name)
            buttons.append(HeaderButton(_("Nhập từ CSV"), url=url, icon_name="upload"))
        return buttons


class DossierStatisticViewSet(ModelViewSet):
    model = DossierStatistic
    name = "so-lieu-ho-so"
    icon = "table"
    menu_label = _("Số liệu hồ sơ")
    index_view_class = DossierStatisticIndexView
    list_display = ["__str__", "received", "resolved", "received_online", "updated_at"]
    list_filter = ["year", "month", "level"]
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(import_url_name=self.get_url_name("import"), **kwargs)

    def get_urlpatterns(self):
        import_view = DossierImportView.as_view(index_url_name=self.get_url_name("index"))
        return super().get_urlpatterns() + [path("import/", import_view, name="import")]


class VisitHistoryViewSet(ViewSet):
    name = "luot-truy-cap"
    icon = "view"
    menu_label = _("Lượt truy cập")

    def get_urlpatterns(self):
        return [path("", VisitHistoryView.as_view(), name="index")]

    @property
    def menu_item_class(self):
        base = super().menu_item_class

        def is_shown(item, request):
            return ModelPermissionPolicy(VisitDay).user_has_permission(request.user, "view")

        return type("VisitHistoryMenuItem", (base,), {"is_shown": is_shown})


class StatisticsGroup(ViewSetGroup):
    menu_label = _("Thống kê")
    menu_icon = "table"
    menu_order = 250
    add_to_admin_menu = True
    items = (DossierStatisticViewSet, VisitHistoryViewSet)


@hooks.register("register_admin_viewset")
def register_statistics():
    return StatisticsGroup()


@hooks.register("register_permissions")
def visit_history_permission():
    return Permission.objects.filter(content_type__app_label="stats", codename="view_visitday")
