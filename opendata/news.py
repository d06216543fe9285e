"""GET /api/v1/news/ and /api/v1/news/<id>/: live, public articles as open data.

Why not Wagtail's API v2 (`wagtail.api.v2`) for these: its page listing filters and counts
through `wagtailcore_page` (live, path, type), which the news lists stopped doing because it
takes 300+ ms at 100,000 articles (README "Lists stay fast"); it pages with offset/limit and
answers in English, where the portal's lists answer a bad page with a Vietnamese 400; and it
builds its serializers per request, so drf-spectacular cannot describe its answers. These
views are plain DRF on the same narrow `listed_in` index the news lists use.
"""

import hashlib

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import generics, serializers
from wagtail.images.models import SourceImageIOError
from wagtail.models import PageViewRestriction

from news import listing
from news.models import NewsCategory, NewsListingVersion, NewsPage
from opendata.filters import ChoiceFilter, DayRangeFilterSet, ModelChoiceFilter
from opendata.http import (
    OpenDataListMixin,
    OpenDataPagination,
    OpenDataView,
    error_responses,
)

THUMBNAIL_SPEC = "fill-320x200|format-jpeg"  # the news lists' thumbnail: usually made already


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = NewsCategory
        fields = ["slug", "name"]


class PictureSerializer(serializers.Serializer):
    """The article's picture as a 320×200 JPEG thumbnail with its alt text."""

    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    alt = serializers.CharField(help_text=_("Văn bản thay thế (mô tả ảnh)."))

    def to_representation(self, image):
        try:
            rendition = image.get_rendition(THUMBNAIL_SPEC)
        except SourceImageIOError:  # the file is missing from storage
            return None
        request = self.context["request"]
        return {
            "url": request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.description,
        }


class NewsSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text=_("Địa chỉ bài viết trên cổng."))
    updated_at = serializers.DateTimeField(
        read_only=True, help_text=_("Lần xuất bản gần nhất (“Ngày cập nhật”).")
    )
    category = CategorySerializer(allow_null=True, read_only=True)
    image = PictureSerializer(allow_null=True, read_only=True)
    language = serializers.CharField(source="locale.language_code", read_only=True)

    class Meta:
        model = NewsPage
        fields = [
            "id",
            "title",
            "url",
            "date",
            "updated_at",
            "category",
            "lead",
            "image",
            "author",
            "source",
            "language",
        ]
        read_only_fields = fields  # always present in an answer: "required" in the document

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, article):
        return article.get_full_url(self.context["request"]._request)


class NewsDetailSerializer(NewsSerializer):
    body = serializers.SerializerMethodField(help_text=_("Nội dung bài viết, dạng HTML."))

    class Meta(NewsSerializer.Meta):
        fields = [*NewsSerializer.Meta.fields, "body"]
        read_only_fields = fields

    @extend_schema_field(str)
    def get_body(self, article):
        # Each block as the article page renders it ({% include_block %}), without wrappers.
        return "".join(str(block.render_as_block()) for block in article.body)


class NewsFilterSet(DayRangeFilterSet):
    category = ModelChoiceFilter(
        queryset=NewsCategory.objects.all(),
        to_field_name="slug",
        help_text=_("Đường dẫn (slug) của chuyên mục, ví dụ cai-cach-hanh-chinh."),
        error_messages={"invalid_choice": _("Không có chuyên mục “%(value)s”.")},
    )
    lang = ChoiceFilter(
        field_name="locale__language_code",
        choices=[("vi", "Tiếng Việt"), ("en", "English")],
        help_text=_("Ngôn ngữ của bài viết: vi hoặc en."),
        error_messages={"invalid_choice": _("Ngôn ngữ “%(value)s” không có; dùng vi hoặc en.")},
    )

    class Meta:
        model = NewsPage
        fields = []


def public_articles():
    """Live articles under a news index (`listed_in`, kept by news.signals), minus private
    sections (Wagtail's `.public()`), newest first."""
    return NewsPage.objects.filter(listed_in__isnull=False).public().order_by("-date", "-pk")


def count_key(request):
    """The cache key of a filtered list's size: every news index's listing version (bumped on
    each publish, unpublish, move and delete), the private sections and the filters."""
    versions = sorted(NewsListingVersion.objects.values_list("index_id", "version"))
    private = sorted(PageViewRestriction.objects.values_list("page__path", flat=True))
    filters = sorted(
        (name, value)
        for name, value in request.query_params.items()
        if name not in (OpenDataPagination.page_query_param, "page_size")
    )
    digest = hashlib.sha256(repr((versions, private, filters)).encode()).hexdigest()
    return f"opendata-news-count:{digest}"


@extend_schema_view(
    get=extend_schema(
        operation_id="news_list",
        summary="Tin tức",
        description="Bài viết đang đăng, mới nhất trước; lọc theo chuyên mục, ngày, ngôn ngữ.",
        responses={200: NewsSerializer(many=True), **error_responses(400, 404, 429)},
    )
)
class NewsList(OpenDataListMixin, OpenDataView, generics.ListAPIView):
    serializer_class = NewsSerializer
    filterset_class = NewsFilterSet
    filter_backends = [django_filters.rest_framework.DjangoFilterBackend]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator: no query
            return NewsPage.objects.none()
        return public_articles()

    def make_paginator(self, queryset, page_size):
        return listing.CachedCountPaginator(queryset, page_size, count_key(self.request))

    def paginate_queryset(self, queryset):
        """Like the news lists (news.listing): the page's ids come from the narrow
        (listed_in, date, id) index, then only those rows are read with their category,
        picture and renditions; an OFFSET over the joined rows took over a second at page
        2,500 of 100,000 articles."""
        ids = super().paginate_queryset(queryset.values_list("pk", flat=True))
        rows = listing.for_listing(NewsPage.objects.filter(pk__in=ids)).select_related("locale")
        by_id = {article.pk: article for article in rows}
        return [by_id[pk] for pk in ids if pk in by_id]


@extend_schema_view(
    get=extend_schema(
        operation_id="news_detail",
        summary="Một bài viết",
        description="Kèm nội dung HTML.",
        responses={200: NewsDetailSerializer, **error_responses(404, 429)},
    )
)
class NewsDetail(OpenDataView, generics.RetrieveAPIView):
    serializer_class = NewsDetailSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return NewsPage.objects.none()
        articles = NewsPage.objects.filter(listed_in__isnull=False).public()
        return articles.select_related("category", "image", "locale")
