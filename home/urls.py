from django.urls import path

from home import views

urlpatterns = [
    path("danh-gia/<int:page_id>/", views.rate_page, name="rate_page"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_xml, name="sitemap"),
]
