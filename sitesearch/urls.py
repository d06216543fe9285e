from django.urls import path

from sitesearch.views import site_search_view

urlpatterns = [path("tim-kiem/", site_search_view, name="site_search")]
