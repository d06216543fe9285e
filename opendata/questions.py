"""GET /api/v1/questions/ and /api/v1/questions/<id>/: published answers as open data.

Reads `PublishedQuestion` only, the anonymised copy made at approval, which has no field for
a name, address, phone, e-mail or attachment (dialogue/models/publication.py): no personal
data is within this module's reach, whatever a serializer asks for.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import generics, serializers

from dialogue.models import Agency, DialogueIndexPage, PublishedQuestion, Sector
from opendata.filters import DayRangeFilterSet, ModelChoiceFilter
from opendata.http import OpenDataListMixin, OpenDataView, error_responses


class NamedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class QuestionSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text=_("Địa chỉ câu trả lời trên cổng."))
    question = serializers.CharField(source="question_text", read_only=True)
    answer = serializers.CharField(source="answer_text", read_only=True)
    sector = NamedSerializer(read_only=True, help_text=_("Lĩnh vực."))
    addressee = NamedSerializer(read_only=True, help_text=_("Lãnh đạo, cơ quan được hỏi."))
    answering_body = NamedSerializer(read_only=True, help_text=_("Cơ quan trả lời."))
    asker = serializers.CharField(
        read_only=True, help_text=_("Người hỏi đã ẩn danh: chữ cái đầu của tên và phường, xã.")
    )

    class Meta:
        model = PublishedQuestion
        fields = [
            "id",
            "title",
            "url",
            "question",
            "answer",
            "sector",
            "addressee",
            "answering_body",
            "asker",
            "asked_on",
            "answered_on",
            "published_at",
        ]
        read_only_fields = fields  # always present in an answer: "required" in the document

    @extend_schema_field({"type": ["string", "null"], "format": "uri"})
    def get_url(self, publication):
        page = self.context.get("dialogue_page")
        if page is None:
            return None
        request = self.context["request"]._request
        return request.build_absolute_uri(page.subpage_url("detail", publication.pk))


class QuestionFilterSet(DayRangeFilterSet):
    DAY_FIELD = "published_at"

    sector = ModelChoiceFilter(
        queryset=Sector.objects.all(),
        help_text=_("Mã (id) lĩnh vực."),
        error_messages={"invalid_choice": _("Không có lĩnh vực mã “%(value)s”.")},
    )
    agency = ModelChoiceFilter(
        field_name="addressee",
        queryset=Agency.objects.all(),
        help_text=_("Mã (id) lãnh đạo, cơ quan được hỏi."),
        error_messages={"invalid_choice": _("Không có lãnh đạo, cơ quan mã “%(value)s”.")},
    )

    class Meta:
        model = PublishedQuestion
        fields = []


class QuestionViewMixin:
    serializer_class = QuestionSerializer

    def get_queryset(self):
        return PublishedQuestion.objects.select_related(
            "sector", "addressee", "answering_body"
        ).order_by("-published_at", "-pk")

    def get_serializer_context(self):
        # One query for the section page per request, not one per answer.
        # Unordered: Page's default ORDER BY path let PostgreSQL walk every page (300 ms at
        # 100,000 articles) whenever its statistics were stale, instead of the one section row.
        page = next(iter(DialogueIndexPage.objects.live().public().order_by()[:1]), None)
        return {**super().get_serializer_context(), "dialogue_page": page}


@extend_schema_view(
    get=extend_schema(
        operation_id="questions_list",
        summary="Câu hỏi đã được trả lời",
        description=(
            "Câu hỏi và câu trả lời đã công khai (ẩn danh) của mục “Trao đổi và tháo gỡ”, mới "
            "công khai nhất trước; ngày lọc theo ngày công khai."
        ),
        responses={200: QuestionSerializer(many=True), **error_responses(400, 404, 429)},
    )
)
class QuestionList(OpenDataListMixin, QuestionViewMixin, OpenDataView, generics.ListAPIView):
    filterset_class = QuestionFilterSet
    filter_backends = [django_filters.rest_framework.DjangoFilterBackend]


@extend_schema_view(
    get=extend_schema(
        operation_id="questions_detail",
        summary="Một câu hỏi đã được trả lời",
        responses={200: QuestionSerializer, **error_responses(404, 429)},
    )
)
class QuestionDetail(QuestionViewMixin, OpenDataView, generics.RetrieveAPIView):
    pass
