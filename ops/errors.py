"""Error pages in Vietnamese that never need the database (handler400/403/500 and friends).

Django turns an oversized body (RequestDataTooBig) into a 400; the visitor deserves the real
reason, so bad_request answers 413 for it. An unreachable database anywhere in the stack
answers 503 with Retry-After instead of a 500, and a full disk 507 (see ops.storage).
"""

import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.csrf import requires_csrf_token

from ops.storage import is_storage_full


def render_error(request, template, status, headers=None):
    content = render_to_string(template, {"request_path": request.path}, request=None)
    response = HttpResponse(content, status=status, headers=headers)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        return payload_too_large(request)
    return render_error(request, "400.html", 400)


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
