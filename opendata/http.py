"""What every open-data endpoint under /api/v1/ shares: read-only, anonymous, JSON only,
cacheable, rate limited per visitor, and every error a Vietnamese sentence under "error"
(the shape the procedure API always had).

These policies are set on `OpenDataView` rather than in DRF's global settings because
Wagtail's admin API runs on DRF too and must keep its session authentication and errors.
Existing plain JSON views (the procedure API, the visit counters) join through `endpoint()`,
which serves them through the same class so that they are throttled and described alike.
"""

import math

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from ops.cache import count_and_read, uncount
from ops.client_ip import client_ip

MAX_PAGE_DIGITS = 6


class OpenDataThrottle(SimpleRateThrottle):
    """API_RATE_LIMIT requests per visitor address, counted in the shared "api" cache so the
    limit holds across processes and app servers. Answers served from the page cache never
    reach a view and are not counted: they cost nothing.

    Counted as a sliding window: a counter per fixed window of the rate's period, and the
    previous window's count weighted by the part of it still inside the last period. On
    Redis that is one round trip of a few bytes (`ops.cache.count_and_read`), whatever the
    limit. DRF's own SimpleRateThrottle reads and rewrites the list of every request's
    time: two round trips and a pickle that grows with the limit (0.8 ms a request in
    bench/procedures.py, which sets a high one). As in DRF, a refused request is not
    counted (one more round trip, for refusals only), so Retry-After holds.
    """

    scope = "open_data"

    def __init__(self):
        self.cache = caches["api"]
        super().__init__()

    def get_rate(self):
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        window, elapsed = divmod(self.timer(), self.duration)
        ident = self.get_cache_key(request, view)
        key, previous_key = f"{ident}:{window:.0f}", f"{ident}:{window - 1:.0f}"
        count, previous = count_and_read(self.cache, key, previous_key, 2 * self.duration)
        still_inside = 1 - elapsed / self.duration
        if count + previous * still_inside <= self.num_requests:
            return True
        uncount(self.cache, key)
        self.retry_after = self._seconds_until_allowed(count, previous, elapsed)
        return False

    def _seconds_until_allowed(self, count, previous, elapsed):
        """When a request like the refused one (`count` with it) would be allowed, if the
        visitor sends nothing meanwhile."""
        limit, period = self.num_requests, self.duration
        if limit < 1:  # "0/minute": nothing is ever allowed
            return period
        if count <= limit:  # room in this window once the previous one weighs less
            return (1 - (limit - count) / previous) * period - elapsed
        # This window is full: the next one has room once this one weighs less.
        return period - elapsed + (1 - (limit - 1) / (count - 1)) * period

    def wait(self):
        return max(1, math.ceil(self.retry_after))  # whole seconds, never too early


def _messages(detail, field=None):
    """DRF's error detail (a string, list or dict of them) as flat sentences."""
    if isinstance(detail, dict):
        for name, value in detail.items():
            yield from _messages(value, None if name == "non_field_errors" else name)
    elif isinstance(detail, list):
        for value in detail:
            yield from _messages(value, field)
    else:
        yield f"{field}: {detail}" if field else str(detail)


def error_message(exc):
    if isinstance(exc, exceptions.Throttled):
        return _(
            "Bạn đã gửi quá nhiều yêu cầu tới dữ liệu mở. Xin thử lại sau %(seconds)d giây."
        ) % {"seconds": max(1, int(exc.wait or 1))}
    if isinstance(exc, exceptions.MethodNotAllowed):
        return _("Dữ liệu mở chỉ cho phép đọc (GET).")
    if isinstance(exc, exceptions.NotAcceptable):
        return _("Dữ liệu mở chỉ trả về JSON.")
    if isinstance(exc, exceptions.NotFound) and str(exc.detail) == str(exc.default_detail):
        return _("Không tìm thấy dữ liệu này.")
    return " ".join(_messages(exc.detail))


def open_data_errors(exc, context):
    """DRF's handler (status, Retry-After), then the body as {"error": "…"}."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, Http404):  # get_object_or_404's English sentence names the model
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    response.data = {"error": error_message(exc)}
    return response


class OpenDataPagination(PageNumberPagination):
    """?page=N (and ?page_size= up to 100), answered as {count, page, num_pages, next,
    previous, results}. Unlike DRF's default, a page number that is not a positive whole
    number or a page size out of range is a 400, and a page past the end a 404, each with a
    Vietnamese message (the portal's convention for every list)."""

    page_size = 20
    max_page_size = 100
    page_query_param = "page"
    page_size_query_param = "page_size"

    def _whole_number(self, request, name, default, maximum=None):
        raw = request.query_params.get(name)
        if raw in (None, ""):
            return default
        valid = raw.isascii() and raw.isdigit() and len(raw) <= MAX_PAGE_DIGITS
        if not valid or int(raw) < 1 or (maximum is not None and int(raw) > maximum):
            if maximum is None:
                message = _("Số trang phải là số nguyên dương.")
            else:
                message = _("Số mục mỗi trang phải từ 1 đến %(n)d.") % {"n": maximum}
            raise exceptions.ValidationError({name: [message]})
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        size = self._whole_number(
            request, self.page_size_query_param, self.page_size, self.max_page_size
        )
        number = self._whole_number(request, self.page_query_param, 1)
        paginator = view.make_paginator(queryset, size) if view else Paginator(queryset, size)
        if number > paginator.num_pages:
            raise exceptions.NotFound(
                _("Không có trang %(number)d; danh sách chỉ có %(pages)d trang.")
                % {"number": number, "pages": paginator.num_pages}
            )
        self.page = paginator.page(number)
        self.request = request
        return list(self.page)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "page": self.page.number,
                "num_pages": self.page.paginator.num_pages,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": ["string", "null"], "format": "uri"}
        return {
            "type": "object",
            "required": ["count", "page", "num_pages", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "description": "Tổng số mục", "example": 123},
                "page": {"type": "integer", "description": "Trang này", "example": 1},
                "num_pages": {"type": "integer", "description": "Số trang", "example": 7},
                "next": {**link, "description": "Trang sau (null ở trang cuối)"},
                "previous": {**link, "description": "Trang trước (null ở trang đầu)"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "in": "query",
                "required": False,
                "description": "Số trang, từ 1 (mặc định 1); quá trang cuối trả về 404.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "in": "query",
                "required": False,
                "description": f"Số mục mỗi trang, 1–{self.max_page_size} (mặc định "
                f"{self.page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]


class OpenDataView(APIView):
    """Anonymous, JSON-only, throttled; a 200 may be kept by browsers and proxies for
    API_CACHE_SECONDS unless the view said otherwise (the counters say no-cache)."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    throttle_classes = [OpenDataThrottle]

    def get_exception_handler(self):
        return open_data_errors

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200 and not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        return response


class OpenDataListMixin:
    """Lists refuse query parameters they do not know (a misspelt filter is a 400, not a
    silently unfiltered list)."""

    pagination_class = OpenDataPagination

    def make_paginator(self, queryset, page_size):
        """Django's Paginator; a view may count from a cache instead (opendata.news)."""
        return Paginator(queryset, page_size)

    def known_parameters(self):
        pagination = self.pagination_class
        known = {pagination.page_query_param, pagination.page_size_query_param}
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None:
            known |= set(filterset_class.base_filters)
        return known

    def list(self, request, *args, **kwargs):
        unknown = sorted(set(request.query_params) - self.known_parameters())
        if unknown:
            raise exceptions.ValidationError(
                _("Tham số không được hỗ trợ: %(names)s. Các tham số hợp lệ: %(known)s.")
                % {"names": ", ".join(unknown), "known": ", ".join(sorted(self.known_parameters()))}
            )
        return super().list(request, *args, **kwargs)


def endpoint(view_function, *, throttled=True, **schema):
    """Serve an existing JSON view function through OpenDataView, described by `schema`
    (drf-spectacular's extend_schema arguments). The function keeps its own answers and
    headers; it gains the rate limit (unless `throttled=False`), the default Cache-Control
    and a place in /api/v1/openapi.json."""

    def get(self, request, *args, **kwargs):
        return view_function(request._request, *args, **kwargs)

    attributes = {"get": extend_schema(**schema)(get), "__doc__": view_function.__doc__}
    if not throttled:
        attributes["throttle_classes"] = []
    name = "".join(part.title() for part in view_function.__name__.split("_")) + "Endpoint"
    view_class = type(name, (OpenDataView,), attributes)
    view_class.__module__ = view_function.__module__
    return view_class.as_view()


class ErrorSerializer(serializers.Serializer):
    """Every error of the open-data API: one Vietnamese sentence."""

    error = serializers.CharField(help_text="Thông báo lỗi bằng tiếng Việt.")


ERROR_DESCRIPTIONS = {
    400: "Tham số không hợp lệ",
    404: "Không có dữ liệu này, hoặc quá trang cuối",
    429: "Quá nhiều yêu cầu; thử lại sau số giây trong Retry-After",
    503: "Tạm thời chưa có số liệu; thử lại sau số giây trong Retry-After",
}


def error_responses(*codes):
    """drf-spectacular `responses` entries for these error statuses."""
    return {
        code: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[code])
        for code in codes
    }
