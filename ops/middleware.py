"""Cross-cutting middleware: security policy, request size, database outages."""

import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import InterfaceError, OperationalError

from ops import errors

logger = logging.getLogger(__name__)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the relaxations Wagtail's admin needs under /admin/ only."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.CSP_ADMIN_PREFIX):
            parts.replace = {**settings.CSP_ADMIN_RELAXATIONS, **(parts.replace or {})}
        return parts


class RequestBodyLimitMiddleware:
    """Refuse a body larger than REQUEST_BODY_MAX_SIZE with 413 before reading any of it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return errors.bad_request(request)
        if length > settings.REQUEST_BODY_MAX_SIZE:
            return errors.payload_too_large(request)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """A view that cannot reach PostgreSQL answers 503 with Retry-After, not a stack trace.

    Errors raised outside views (in other middleware) reach handler500, which makes the
    same decision (ops.errors.server_error).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            logger.warning("Database unavailable for %s: %s", request.path, exception)
            return errors.service_unavailable(request)
        return None
