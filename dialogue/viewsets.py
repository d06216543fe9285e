"""Admin menu "Trao đổi và tháo gỡ": the question queue and the managed lists."""

import datetime

import django_filters
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Agency, AnswerTemplate, Question, Sector
from .views import staff

AGE_CHOICES = [
    ("overdue", _("Quá hạn trả lời")),
    ("7", _("Gửi trong 7 ngày qua")),
    ("30", _("Gửi trong 30 ngày qua")),
    ("older", _("Gửi trên 30 ngày")),
]


class QuestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=Question.Status.choices)
    sector = django_filters.ModelChoiceFilter(label=_("Lĩnh vực"), queryset=Sector.objects.all())
    addressee = django_filters.ModelChoiceFilter(label=_("Gửi tới"), queryset=Agency.objects.all())
    assigned_agency = django_filters.ModelChoiceFilter(
        label=_("Cơ quan xử lý"), queryset=Agency.objects.all()
    )
    age = django_filters.ChoiceFilter(label=_("Thời gian"), choices=AGE_CHOICES, method="by_age")

    class Meta:
        model = Question
        fields = []

    def by_age(self, queryset, name, value):
        now = timezone.now()
        if value == "overdue":
            return queryset.overdue()
        if value == "older":
            return queryset.filter(submitted_at__lt=now - datetime.timedelta(days=30))
        return queryset.filter(submitted_at__gte=now - datetime.timedelta(days=int(value)))


class StatusColumn(Column):
    cell_template_name = "dialogue/admin/status_cell.html"


class DeadlineColumn(Column):
    """The due date, with a red "Quá hạn" tag when an open question is past it."""

    cell_template_name = "dialogue/admin/deadline_cell.html"


class QuestionViewSet(ModelViewSet):
    model = Question
    name = "dialogue_questions"
    url_prefix = "trao-doi/cau-hoi"
    icon = "help"
    menu_label = _("Câu hỏi")
    index_view_class = staff.QuestionIndexView
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    list_per_page = 30
    ordering = "-submitted_at"
    filterset_class = QuestionFilterSet
    search_fields = ["tracking_code", "title", "full_name", "email", "phone"]
    search_backend_name = None
    list_display = [
        "tracking_code",
        "title",
        StatusColumn("status", label=_("Trạng thái"), sort_key="status"),
        "sector",
        "assigned_agency",
        DateColumn("submitted_at", label=_("Ngày gửi"), sort_key="submitted_at"),
        DeadlineColumn("due_date", label=_("Hạn trả lời"), sort_key="due_date"),
    ]

    @cached_property
    def process_view(self):
        return self.construct_view(
            staff.QuestionProcessView,
            index_url_name=self.get_url_name("index"),
            attachment_url_name=self.get_url_name("attachment"),
        )

    def get_urlpatterns(self):
        # No add, delete, copy or generic history: questions come from citizens, are never
        # deleted, and their audit log is shown on the handling page.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.process_view, name="edit"),
            path("<int:pk>/tep-dinh-kem/", staff.attachment, name="attachment"),
        ]

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(Question)
        return Permission.objects.filter(
            content_type=content_type, codename__in=["moderate_question", "answer_question"]
        )


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Lĩnh vực")
    url_prefix = "trao-doi/linh-vuc"
    list_display = ["name", "sort_order"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = _("Lãnh đạo, cơ quan")
    url_prefix = "trao-doi/co-quan"
    list_display = ["name", "kind", "accepts_questions", "email"]
    list_filter = ["kind", "accepts_questions"]


class AnswerTemplateViewSet(SnippetViewSet):
    model = AnswerTemplate
    icon = "doc-full"
    menu_label = _("Mẫu trả lời")
    url_prefix = "trao-doi/mau-tra-loi"
    list_display = ["title", "sector"]


class DialogueViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Trao đổi và tháo gỡ")
    menu_icon = "help"
    menu_order = 250
    items = (QuestionViewSet, SectorViewSet, AgencyViewSet, AnswerTemplateViewSet)
