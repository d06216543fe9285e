from django.urls import path

from stats import views

app_name = "stats"

urlpatterns = [
    path("api/v1/visits/", views.visits, name="visits"),
]
