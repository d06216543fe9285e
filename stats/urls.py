from django.urls import path

from opendata.http import endpoint
from stats import api_schema, views

app_name = "stats"

urlpatterns = [
    # Every footer's script asks for it, so it is described but not rate limited.
    path(
        "api/v1/visits/",
        endpoint(views.visits, throttled=False, **api_schema.VISITS),
        name="visits",
    ),
]
