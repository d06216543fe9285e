"""Error pages in Vietnamese that never need the database (handler400/403/404/500 and friends).

Django turns an oversized body (RequestDataTooBig) into a 400; the visitor deserves the real
reason, so bad_request answers 413 for it. An unreachable database anywhere in the stack
answers 503 with Retry-After instead of a 500, and a full disk 507 (see ops.storage).

Under the open-data API (/api/v1/) the same errors are JSON, {"error": "…"} in Vietnamese,
the shape every endpoint gives (opendata.http). It is done here, in the handlers, because
that covers every error no endpoint answered itself, whichever route raised it: a path no API
route matches (/api/v1/news/abc/) falls to Wagtail's page-tree route, or to the procedure
pages' `<path>/<code>/` route (/api/v1/news/1.000001/). A catch-all route under /api/v1/
would have to sit after the API routes of four apps yet before that procedure route, and it
would stop CommonMiddleware adding a missing slash (/api/v1/news). The API's paths are the
ones CORS opens (settings.CORS_URLS_REGEX), so an error there carries the CORS headers and
the JSON body alike. With DEBUG on, Django shows its own technical 404 page instead.
"""

import re
import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

from ops.storage import is_storage_full

# What each error page says, as one sentence for the open-data API.
API_MESSAGES = {
    "400.html": _("Yêu cầu không hợp lệ."),
    "403.html": _("Bạn không có quyền đọc dữ liệu này."),
    "403_csrf.html": _("Dữ liệu mở chỉ cho phép đọc (GET)."),
    "404.html": _(
        "Không có địa chỉ này trong dữ liệu mở. Các địa chỉ và tham số hợp lệ được mô tả "
        "tại /api/v1/openapi.json."
    ),
    "413.html": _("Dữ liệu gửi lên quá lớn."),
    "500.html": _("Hệ thống đang gặp sự cố. Xin thử lại sau ít phút."),
    "503.html": _("Dữ liệu mở tạm thời gián đoạn. Xin thử lại sau số giây trong Retry-After."),
    "507.html": _("Bộ nhớ lưu trữ của cổng thông tin tạm thời đã đầy. Xin thử lại sau."),
}


def is_open_data(request):
    return re.match(settings.CORS_URLS_REGEX, request.path_info) is not None


def render_error(request, template, status, headers=None):
    if is_open_data(request):
        message = str(API_MESSAGES[template])
        response = JsonResponse(
            {"error": message},
            status=status,
            headers=headers,
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        content = render_to_string(template, {"request_path": request.path}, request=None)
        response = HttpResponse(content, status=status, headers=headers)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        return payload_too_large(request)
    return render_error(request, "400.html", 400)


def page_not_found(request, exception=None):
    """The API's JSON 404; elsewhere Django's own view, which renders the portal's 404.html
    with the request (the menus and footer need the Site)."""
    if is_open_data(request):
        return render_error(request, "404.html", 404)
    return defaults.page_not_found(request, exception)


@requires_csrf_token
def permission_denied(request, exception=None):
    return render_error(request, "403.html", 403)


def csrf_failure(request, reason=""):
    return render_error(request, "403_csrf.html", 403)


def payload_too_large(request):
    return render_error(request, "413.html", 413)


def storage_full(request):
    """507 Insufficient Storage: the upload was not kept, nor anything sent with it."""
    return render_error(request, "507.html", 507)


def service_unavailable(request):
    retry = str(settings.DATABASE_RETRY_AFTER_SECONDS)
    return render_error(request, "503.html", 503, headers={"Retry-After": retry})


@requires_csrf_token
def server_error(request):
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return service_unavailable(request)
    if is_storage_full(error):
        return storage_full(request)
    return render_error(request, "500.html", 500)
