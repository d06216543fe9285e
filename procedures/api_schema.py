"""How the procedure API (procedures/api.py) is described in /api/v1/openapi.json.

The views build their JSON by hand (procedures/results.py, procedures/serializers.py); these
serializers only describe it for drf-spectacular. tests/opendata/test_openapi.py checks
real answers against the document, so a field added there and not here fails a test.
"""

from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from opendata.http import error_responses
from opendata.schema import CodeNameSerializer, FacetBucketSerializer
from portal.search.params import MAX_PAGE, MAX_QUERY_LENGTH
from procedures.models.procedures import LEVELS, OnlineLevel


class HighlightSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="Tên thủ tục, từ khớp trong <mark>.")
    snippet = serializers.CharField(help_text="Đoạn trích có từ khớp (HTML), rỗng khi không tìm.")


class ProcedureHitSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Mã thủ tục, ví dụ 1.001612.")
    name = serializers.CharField()
    levels = CodeNameSerializer(many=True, help_text="Cấp thực hiện.")
    field = serializers.CharField(help_text="Lĩnh vực.")
    agency = serializers.CharField(help_text="Các cơ quan thực hiện, cách nhau bởi “; ”.")
    agencies = serializers.ListField(child=serializers.CharField())
    online = CodeNameSerializer(help_text="Mức độ dịch vụ công trực tuyến.")
    url = serializers.URLField(help_text="Trang của thủ tục trên cổng.")
    highlight = HighlightSerializer()


class FacetsSerializer(serializers.Serializer):
    level = FacetBucketSerializer(many=True)
    field = FacetBucketSerializer(many=True)
    agency = FacetBucketSerializer(many=True)
    online = FacetBucketSerializer(many=True)


class ProcedureSearchSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Tổng số thủ tục khớp.")
    page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    results = ProcedureHitSerializer(many=True)
    facets = FacetsSerializer(help_text="Số thủ tục theo từng giá trị của mỗi bộ lọc.")
    backend = serializers.ChoiceField(
        choices=["elasticsearch", "database"], help_text="Bộ máy đã trả lời."
    )
    corrected_query = serializers.CharField(
        allow_blank=True,
        help_text="Từ khóa sau khi sửa lỗi chính tả (“Kết quả cho: …”), rỗng khi không sửa.",
    )


class SuggestionSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    url = serializers.CharField(help_text="Đường dẫn (tương đối) tới trang thủ tục.")


class AutocompleteSerializer(serializers.Serializer):
    results = SuggestionSerializer(many=True)
    backend = serializers.ChoiceField(choices=["elasticsearch", "database"])


class WaySerializer(serializers.Serializer):
    method = serializers.CharField()
    method_name = serializers.CharField()
    processing_time = serializers.CharField()
    time_value = serializers.FloatField(allow_null=True)
    time_unit = serializers.CharField()
    fee = serializers.CharField()
    fee_amount = serializers.IntegerField(allow_null=True)
    description = serializers.CharField()


class DossierItemSerializer(serializers.Serializer):
    group = serializers.CharField()
    name = serializers.CharField()
    template = serializers.CharField()
    originals = serializers.IntegerField(allow_null=True)
    copies = serializers.IntegerField(allow_null=True)


class LegalDocumentSerializer(serializers.Serializer):
    number = serializers.CharField()
    title = serializers.CharField()


class ProcedureSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    url = serializers.URLField()
    levels = CodeNameSerializer(many=True)
    field = serializers.CharField()
    procedure_type = serializers.CharField()
    issuing_agency = serializers.CharField()
    competent_agency = serializers.CharField()
    agency = serializers.CharField()
    agencies = serializers.ListField(child=serializers.CharField())
    delegated_agency = serializers.CharField()
    coordinating_agency = serializers.CharField()
    reception_address = serializers.CharField()
    applicants = serializers.CharField()
    steps = serializers.ListField(child=serializers.CharField())
    ways = WaySerializer(many=True, help_text="Cách thực hiện, thời hạn và phí.")
    dossier = DossierItemSerializer(many=True, help_text="Thành phần hồ sơ.")
    conditions = serializers.CharField()
    results = serializers.ListField(child=serializers.CharField())
    legal_basis = LegalDocumentSerializer(many=True)
    related_procedures = serializers.CharField()
    online = CodeNameSerializer()
    source = CodeNameSerializer()
    decision_number = serializers.CharField()
    updated_at = serializers.DateTimeField()
    original_url = serializers.CharField()


def _query(name, description, **kwargs):
    return OpenApiParameter(name, str, OpenApiParameter.QUERY, description=description, **kwargs)


LIST = {
    "operation_id": "procedures_list",
    "summary": "Tìm thủ tục hành chính",
    "description": "Tìm và lọc thủ tục; kết quả kèm số đếm theo từng bộ lọc (facets).",
    "parameters": [
        _query("q", f"Từ khóa, có dấu hoặc không dấu (tối đa {MAX_QUERY_LENGTH} ký tự)."),
        _query("level", "Cấp thực hiện.", enum=list(LEVELS)),
        _query("field", "Lĩnh vực, đúng như trong facets."),
        _query("agency", "Cơ quan thực hiện, đúng như trong facets."),
        _query("online", "Mức độ trực tuyến.", enum=list(OnlineLevel.values)),
        _query("sort", "Sắp xếp (mặc định: phù hợp nhất).", enum=["relevance", "name", "code"]),
        OpenApiParameter(
            "page",
            int,
            OpenApiParameter.QUERY,
            description=f"Số trang, 1–{MAX_PAGE}; 20 thủ tục mỗi trang.",
        ),
    ],
    "responses": {200: ProcedureSearchSerializer, **error_responses(400, 429)},
}
AUTOCOMPLETE = {
    "operation_id": "procedures_autocomplete",
    "summary": "Gợi ý thủ tục khi đang gõ",
    "parameters": [_query("q", "Phần đầu tên hoặc mã thủ tục.")],
    "responses": {200: AutocompleteSerializer, **error_responses(400, 429)},
}
DETAIL = {
    "operation_id": "procedures_detail",
    "summary": "Một thủ tục hành chính",
    "parameters": [OpenApiParameter("code", str, OpenApiParameter.PATH, description="Mã thủ tục.")],
    "responses": {200: ProcedureSerializer, **error_responses(404, 429)},
}
