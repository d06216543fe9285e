"""Admin menu "Chính quyền": the work schedule by week, announcements."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Announcement, ScheduleWeek


class ScheduleWeekViewSet(SnippetViewSet):
    model = ScheduleWeek
    icon = "date"
    menu_label = _("Lịch công tác")
    url_prefix = "chinh-quyen/lich-cong-tac"
    list_display = ["__str__", "status", "published_at"]
    list_filter = ["status"]
    ordering = ["-monday"]


class AnnouncementViewSet(SnippetViewSet):
    model = Announcement
    icon = "info-circle"
    menu_label = _("Thông báo, thông cáo")
    url_prefix = "chinh-quyen/thong-bao"
    list_display = ["title", "kind", "valid_from", "valid_until"]
    list_filter = ["kind"]
    search_fields = ["title"]


class GovernmentViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Chính quyền")
    menu_icon = "site"
    menu_order = 240
    items = (ScheduleWeekViewSet, AnnouncementViewSet)
