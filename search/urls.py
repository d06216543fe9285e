from django.urls import path, re_path

from search import api

app_name = "procedures_api"

urlpatterns = [
    path("", api.procedure_list, name="list"),
    path("autocomplete/", api.procedure_autocomplete, name="autocomplete"),
    re_path(r"^(?P<code>[0-9A-Za-z.]{1,40})/$", api.procedure_detail, name="detail"),
]
