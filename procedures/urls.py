"""The procedure directory's routes outside the page tree: the JSON API and procedure pages."""

from django.urls import path, re_path

from opendata.http import endpoint
from procedures import api, api_schema, views

CODE = r"(?P<code>\d{1,2}\.\d{6}(?:\.[A-Za-z0-9]{1,10})?)"

urlpatterns = [
    # Served as open-data endpoints: rate limited and described in /api/v1/openapi.json.
    path(
        "api/v1/procedures/",
        endpoint(api.procedure_list, **api_schema.LIST),
        name="procedures-api-list",
    ),
    path(
        "api/v1/procedures/autocomplete/",
        endpoint(api.procedure_autocomplete, **api_schema.AUTOCOMPLETE),
        name="procedures-api-autocomplete",
    ),
    re_path(
        r"^api/v1/procedures/(?P<code>[0-9A-Za-z.]{1,40})/$",
        endpoint(api.procedure_detail, **api_schema.DETAIL),
        name="procedures-api-detail",
    ),
    # <directory page>/<code>/ and <directory page>/<code>/in/ (print view)
    re_path(
        rf"^(?P<page_path>(?:[\w\-]+/)*){CODE}/(?P<printable>in/)?$",
        views.procedure_page,
        name="procedure-page",
    ),
]
