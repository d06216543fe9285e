from django.urls import path

from home import views
from home.branding import views as branding

urlpatterns = [
    path("favicon.ico", branding.icon, {"name": "favicon.ico"}, name="favicon"),
    path("apple-touch-icon.png", branding.icon, {"name": "apple-touch-icon.png"}),
    path("icon-192.png", branding.icon, {"name": "icon-192.png"}),
    path("icon-512.png", branding.icon, {"name": "icon-512.png"}),
    path("manifest.webmanifest", branding.manifest, name="web_manifest"),
    path("giao-dien.css", branding.theme, name="theme_css"),
    path("danh-gia/<int:page_id>/", views.rate_page, name="rate_page"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_xml, name="sitemap"),
]
