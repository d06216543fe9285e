"""The documents' routes outside the page tree: the JSON API."""

from django.urls import path, re_path

from documents import api

urlpatterns = [
    path("api/v1/documents/", api.document_list, name="documents-api-list"),
    re_path(
        r"^api/v1/documents/(?P<pk>[^/]{1,40})/$", api.document_detail, name="documents-api-detail"
    ),
]
