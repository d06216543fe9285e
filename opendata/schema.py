"""How /api/v1/openapi.json is generated: drf-spectacular over the open-data views only.

Wagtail's admin API also runs on DRF; its endpoints are internal and stay out of the
document. The document itself is not described in itself. The small shapes several
endpoints share are described once here (two components may not share a name).
"""

from rest_framework import serializers

PREFIX = "/api/v1/"
DOCUMENT_PATH = "/api/v1/openapi.json"


def only_open_data(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: keep the public /api/v1/ endpoints."""
    return [
        (path, regex, method, callback)
        for path, regex, method, callback in endpoints
        if path.startswith(PREFIX) and path != DOCUMENT_PATH
    ]


class CodeNameSerializer(serializers.Serializer):
    """{code, name}: a coded value and its Vietnamese name (levels, statuses, sources…)."""

    code = serializers.CharField()
    name = serializers.CharField()


class FacetBucketSerializer(serializers.Serializer):
    """One value of a search facet, with how many results have it."""

    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()
