"""/favicon.ico, the app icons, the web app manifest and /giao-dien.css (colour tokens).

None of them touches a session or sets a cookie; browsers may keep them a day.
"""

import json

from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from home.branding import colours, icons
from home.models import PortalSettings

MAX_AGE = 24 * 3600
CONTENT_TYPES = {".ico": "image/x-icon", ".png": "image/png"}


def _settings(request):
    return PortalSettings.for_request(request)


def _cached(response):
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


@require_safe
def icon(request, name):
    data = icons.icon(_settings(request), name)
    return _cached(HttpResponse(data, content_type=CONTENT_TYPES[name[name.rindex(".") :]]))


@require_safe
def manifest(request):
    settings = _settings(request)
    site = Site.find_for_request(request)
    name = settings.portal_name or (site.site_name if site else "") or "Cổng thông tin điện tử"
    data = {
        "name": name,
        "short_name": name,
        "lang": "vi",
        "start_url": "/",
        "display": "browser",
        "theme_color": settings.colour_brand,
        "background_color": "#ffffff",
        "icons": [
            {"src": "/icon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": "/icon-512.png", "sizes": "512x512", "type": "image/png"},
        ],
    }
    body = json.dumps(data, ensure_ascii=False)
    return _cached(HttpResponse(body, content_type="application/manifest+json"))


@require_safe
def theme(request):
    settings = _settings(request)
    css = colours.theme_css(settings.colour_brand, settings.colour_accent, settings.colour_link)
    return _cached(HttpResponse(css, content_type="text/css; charset=utf-8"))
