"""Thông báo and Thông cáo báo chí under `AnnouncementIndexPage` (`/thong-bao/`).

The list shows what is valid now, newest first, `?loai=thong-bao|thong-cao-bao-chi` to
filter, `?het-hieu-luc=1` for the archive of ended ones; paginated with `trang`. An
announcement keeps its address after it ends (marked "Hết hiệu lực"); one not yet valid is
a 404 to visitors.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from government.models import Announcement
from portal.pagination import PARAMETER, PageProblem, page_of

PER_PAGE = 20


def _error(page, request, message, status):
    return TemplateResponse(
        request, "government/schedule_error.html", {"page": page, "message": message}, status=status
    )


def listing(page, request):
    now = timezone.now()
    kind = request.GET.get("loai", "")
    archive = request.GET.get("het-hieu-luc") == "1"
    if kind and kind not in Announcement.Kind.values:
        return _error(page, request, _("Loại thông báo không hợp lệ."), 400)
    if archive:
        items = Announcement.objects.filter(valid_until__lte=now).order_by("-valid_until", "-pk")
    else:
        items = Announcement.objects.valid(now)
    if kind:
        items = items.filter(kind=kind)
    try:
        page_obj = page_of(items, request.GET.get(PARAMETER), PER_PAGE)
    except PageProblem as problem:
        return _error(page, request, problem.message, problem.status)
    context = page.get_context(request)
    context.update(
        {
            "page_obj": page_obj,
            "items": page_obj.object_list,
            "kinds": Announcement.Kind.choices,
            "kind": kind,
            "archive": archive,
        }
    )
    return TemplateResponse(request, "government/announcement_index_page.html", context)


def detail(page, request, pk):
    announcement = Announcement.objects.filter(pk=pk, valid_from__lte=timezone.now()).first()
    if announcement is None:
        raise Http404(_("Không có thông báo này."))
    context = page.get_context(request)
    context.update({"announcement": announcement, "is_valid": announcement.is_valid()})
    return TemplateResponse(request, "government/announcement_detail.html", context)
