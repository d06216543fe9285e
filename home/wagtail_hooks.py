from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import MainMenu
from home.reports import RatingReportView


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    menu_label = _("Menu")
    list_display = ["__str__", "placement", "locale"]


register_snippet(MainMenuViewSet)


@hooks.register("register_admin_urls")
def register_rating_report_urls():
    return [
        path("reports/danh-gia/", RatingReportView.as_view(), name="page_ratings_report"),
        path(
            "reports/danh-gia/results/",
            RatingReportView.as_view(results_only=True),
            name="page_ratings_report_results",
        ),
    ]


class RatingReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("home.view_pagerating")


@hooks.register("register_reports_menu_item")
def register_rating_report_menu_item():
    return RatingReportMenuItem(
        _("Đánh giá thông tin"),
        reverse("page_ratings_report"),
        name="page-ratings",
        icon_name="pick",
        order=800,
    )


@hooks.register("register_permissions")
def register_rating_permissions():
    return Permission.objects.filter(content_type__app_label="home", codename="view_pagerating")
