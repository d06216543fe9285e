"""The procedure directory's routes outside the page tree: the JSON API and procedure pages."""

from django.urls import path, re_path

from search import api, views

CODE = r"(?P<code>\d{1,2}\.\d{6}(?:\.[A-Za-z0-9]{1,10})?)"

urlpatterns = [
    path("api/v1/procedures/", api.procedure_list, name="procedures-api-list"),
    path(
        "api/v1/procedures/autocomplete/",
        api.procedure_autocomplete,
        name="procedures-api-autocomplete",
    ),
    re_path(
        r"^api/v1/procedures/(?P<code>[0-9A-Za-z.]{1,40})/$",
        api.procedure_detail,
        name="procedures-api-detail",
    ),
    # <directory page>/<code>/ and <directory page>/<code>/in/ (print view)
    re_path(
        rf"^(?P<page_path>(?:[\w\-]+/)*){CODE}/(?P<printable>in/)?$",
        views.procedure_page,
        name="procedure-page",
    ),
]
