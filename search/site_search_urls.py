from django.urls import path

from search.site_search_views import site_search_view

urlpatterns = [path("tim-kiem/", site_search_view, name="site_search")]
