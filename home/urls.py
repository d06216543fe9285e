from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from home import views
from home.sitemaps import PortalSitemap

urlpatterns = [
    path("danh-gia/<int:page_id>/", views.rate_page, name="rate_page"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
]
