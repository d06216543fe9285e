from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page

from home import rating
from home.sitemaps import portal_sitemaps

ANSWERS = {"co": True, "khong": False}


def _rating_problem(request, page, message, status):
    return TemplateResponse(
        request,
        "home/rating_problem.html",
        {"rated_page": page, "message": message},
        status=status,
    )


@csrf_exempt  # checked by rating.is_same_origin instead, so content pages stay cacheable
@require_POST
def rate_page(request, page_id):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    if not rating.is_same_origin(request):
        return _rating_problem(
            request,
            page,
            _("Đánh giá phải được gửi từ trang của cổng thông tin. Vui lòng thử lại."),
            status=403,
        )
    if not rating.is_rated(page):
        return _rating_problem(request, page, _("Trang này không nhận đánh giá."), status=404)
    answer = request.POST.get("hai_long", "")
    if answer not in ANSWERS:
        return _rating_problem(
            request, page, _("Vui lòng chọn “Có” hoặc “Không” rồi gửi lại."), status=400
        )
    visitor = rating.visitor_key(request)
    if rating.is_limited(visitor):
        return _rating_problem(
            request,
            page,
            _("Bạn đã gửi nhiều đánh giá trong thời gian ngắn. Vui lòng thử lại sau."),
            status=429,
        )
    rating.record(page, ANSWERS[answer], visitor)
    return HttpResponseRedirect((page.get_url(request) or "/") + "?danh_gia=cam-on#danh-gia")


@require_GET
def robots_txt(request):
    return TemplateResponse(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


def sitemap_xml(request):
    """/sitemap.xml: the page tree and every section registered with the
    "register_sitemaps" hook (home/sitemaps.py), read when asked so any app may add one."""
    return sitemap(request, sitemaps=portal_sitemaps())
