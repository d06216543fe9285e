"""How the documents API (documents/api.py) is described in /api/v1/openapi.json.

The views build their JSON by hand (documents/results.py, documents/structured_data.py);
these serializers only describe it for drf-spectacular. tests/opendata/test_openapi.py
checks that every /api/v1/ route is described and that real answers match.
"""

from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from documents.models.documents import Validity
from opendata.http import error_responses
from opendata.schema import CodeNameSerializer, FacetBucketSerializer
from portal.search.params import MAX_PAGE, MAX_QUERY_LENGTH


class DocumentHitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField(help_text="Số, ký hiệu, ví dụ 12/2024/QĐ-UBND.")
    title = serializers.CharField(help_text="Trích yếu.")
    type = serializers.CharField(help_text="Loại văn bản.")
    issuer = serializers.CharField(help_text="Cơ quan ban hành.")
    field = serializers.CharField(help_text="Lĩnh vực.")
    issue_date = serializers.DateField(help_text="Ngày ban hành.")
    status = CodeNameSerializer(help_text="Tình trạng hiệu lực hôm nay.")
    url = serializers.URLField(help_text="Trang của văn bản trên cổng.")


class DocumentFacetsSerializer(serializers.Serializer):
    type = FacetBucketSerializer(many=True)
    issuer = FacetBucketSerializer(many=True)
    field = FacetBucketSerializer(many=True)
    year = FacetBucketSerializer(many=True)
    status = FacetBucketSerializer(many=True)


class DocumentSearchSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    results = DocumentHitSerializer(many=True)
    facets = DocumentFacetsSerializer()
    backend = serializers.ChoiceField(choices=["elasticsearch", "database"])


class AttachmentSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.URLField()
    format = serializers.CharField()
    downloads = serializers.IntegerField(help_text="Số lượt tải.")


class RelationSerializer(serializers.Serializer):
    relation = serializers.CharField(help_text="Ví dụ: Thay thế, Bị sửa đổi bởi.")
    number = serializers.CharField()
    id = serializers.IntegerField()


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    title = serializers.CharField()
    url = serializers.URLField()
    type = serializers.CharField()
    issuer = serializers.CharField()
    field = serializers.CharField()
    signer = serializers.CharField()
    issue_date = serializers.DateField()
    effective_date = serializers.DateField(allow_null=True)
    expiry_date = serializers.DateField(allow_null=True)
    status = CodeNameSerializer()
    source = CodeNameSerializer()
    summary = serializers.CharField()
    attachments = AttachmentSerializer(many=True)
    relations = RelationSerializer(many=True)


def _query(name, description, kind=str, **kwargs):
    return OpenApiParameter(name, kind, OpenApiParameter.QUERY, description=description, **kwargs)


LIST = {
    "operation_id": "documents_list",
    "summary": "Tìm văn bản quy phạm pháp luật",
    "parameters": [
        _query("q", f"Từ khóa hoặc số, ký hiệu (tối đa {MAX_QUERY_LENGTH} ký tự)."),
        _query("type", "Loại văn bản, đúng như trong facets."),
        _query("issuer", "Cơ quan ban hành, đúng như trong facets."),
        _query("field", "Lĩnh vực, đúng như trong facets."),
        _query("year", "Năm ban hành.", int),
        _query("status", "Tình trạng hiệu lực.", enum=list(Validity.values)),
        _query("sort", "Sắp xếp (mặc định: phù hợp nhất khi tìm).", enum=["relevance", "date"]),
        _query("page", f"Số trang, 1–{MAX_PAGE}.", int),
    ],
    "responses": {200: DocumentSearchSerializer, **error_responses(400, 404, 429)},
}
DETAIL = {
    "operation_id": "documents_detail",
    "summary": "Một văn bản",
    "parameters": [
        OpenApiParameter("id", int, OpenApiParameter.PATH, description="Mã (id) văn bản.")
    ],
    "responses": {200: DocumentSerializer, **error_responses(400, 404, 429)},
}
