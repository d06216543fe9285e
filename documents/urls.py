"""The documents' routes outside the page tree: the JSON API, served as open-data endpoints
(rate limited and described in /api/v1/openapi.json: documents/api_schema.py)."""

from django.urls import path, re_path

from documents import api, api_schema
from opendata.http import endpoint

urlpatterns = [
    path(
        "api/v1/documents/",
        endpoint(api.document_list, **api_schema.LIST),
        name="documents-api-list",
    ),
    re_path(
        r"^api/v1/documents/(?P<pk>[^/]{1,40})/$",
        endpoint(api.document_detail, **api_schema.DETAIL),
        name="documents-api-detail",
    ),
]
