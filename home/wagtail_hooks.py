from django.contrib.auth.models import Permission
from django.db import models
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.workflows import WorkflowPageForm
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.editor_guide import editor_guide
from home.models import MainMenu
from home.pattern_library import pattern_library
from home.reports import RatingReportView
from home.slugs import register_slug_widget

register_slug_widget(models.SlugField)

# Wagtail declares the workflow form's page chooser without a label, so Django shows the field
# name "Page" in every language; Wagtail's own "Page" is in the catalogue ("Trang").
WorkflowPageForm.base_fields["page"].label = _("Page")


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


@hooks.register("register_admin_urls")
def register_pattern_library_url():
    return [path("thu-vien-giao-dien/", pattern_library, name="pattern_library")]


@hooks.register("register_help_menu_item")
def register_pattern_library_menu_item():
    return MenuItem(
        _("Thư viện giao diện"),
        reverse("pattern_library"),
        name="pattern-library",
        icon_name="doc-full",
        order=900,
    )


@hooks.register("register_admin_urls")
def register_editor_guide_url():
    return [path("huong-dan-bien-tap/", editor_guide, name="editor_guide")]


@hooks.register("register_help_menu_item")
def register_editor_guide_menu_item():
    return MenuItem(
        _("Hướng dẫn biên tập"),
        reverse("editor_guide"),
        name="editor-guide",
        icon_name="help",
        order=100,
    )
