from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from stats import counters


@require_safe
def visits(request):
    """GET /api/v1/visits/ → {"total", "online", "today", "month"} (never counted itself)."""
    figures = counters.current_figures()
    if figures is None:
        response = JsonResponse(
            {"error": _("Số liệu truy cập tạm thời chưa có, xin thử lại sau.")}, status=503
        )
        response["Retry-After"] = "30"
    else:
        response = JsonResponse(figures.as_dict())
    # The figures are already cached for ≤ 30 s; no proxy or page cache may add to that.
    patch_cache_control(response, no_cache=True, max_age=0)
    return response
