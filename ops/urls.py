from django.conf import settings
from django.urls import path

from ops import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

if settings.BENCH_VIEWS:
    from ops import bench_views

    urlpatterns += [
        path("_bench/cached", bench_views.cached, name="bench-cached"),
        path("_bench/template", bench_views.template, name="bench-template"),
        path("_bench/menu-label", bench_views.menu_label, name="bench-menu-label"),
        path("_bench/publish-article", bench_views.publish_article, name="bench-publish"),
    ]
