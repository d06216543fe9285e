from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("ops.urls")),
    path("", include("home.urls")),
    path("", include("procedures.urls")),
    path("", include("stats.urls")),
    path("", include("opendata.urls")),
    path("", include("documents.urls")),
]

handler400 = "ops.errors.bad_request"
handler403 = "ops.errors.permission_denied"
handler404 = "ops.errors.page_not_found"
handler500 = "ops.errors.server_error"

if settings.DEBUG or settings.SERVE_MEDIA:
    # Development and `make run` only: in production nginx serves /media/ (site/nginx.conf).
    from django.urls import re_path
    from django.views.static import serve

    media = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(
        re_path(rf"^{media}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

# Vietnamese pages are unprefixed (/tin-tuc/), their English translations live under /en/.
# Wagtail serves every other path from the page tree; it must stay last.
urlpatterns += i18n_patterns(
    path("", include("sitesearch.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
