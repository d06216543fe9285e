"""How GET /api/v1/visits/ (stats/views.py) is described in /api/v1/openapi.json."""

from rest_framework import serializers

from opendata.http import error_responses


class VisitFiguresSerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text="Truy cập tổng (kể cả số của cổng cũ).")
    online = serializers.IntegerField(help_text="Truy cập hiện tại (5 phút gần nhất).")
    today = serializers.IntegerField(help_text="Lượt truy cập hôm nay.")
    month = serializers.IntegerField(help_text="Lượt truy cập tháng này.")


VISITS = {
    "operation_id": "visits",
    "summary": "Số lượt truy cập",
    "description": "Số liệu cũ nhất 30 giây; không được lưu đệm (Cache-Control: no-cache).",
    "responses": {200: VisitFiguresSerializer, **error_responses(503)},
}
