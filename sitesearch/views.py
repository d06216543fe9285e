"""The site search page, `/tim-kiem/`: thin, the searching is in `site_search`."""

import logging

from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from portal.pagination import PageProblem
from portal.vietnamese import fold
from procedures.terms import log_query
from sitesearch import site_search

logger = logging.getLogger(__name__)


def promotions_for(query):
    """Editors' picks (Wagtail search promotions) for the query as typed or folded."""
    if not query:
        return []
    typed = normalise_query_string(query)
    return list(
        SearchPromotion.objects.filter(query__query_string__in={typed, fold(typed)})
        .select_related("page")
        .order_by("sort_order")
    )


@require_GET
def site_search_view(request):
    search = site_search.SiteSearch(
        request.GET.get("q", ""),
        kind=request.GET.get("loai", site_search.ALL),
        language_code=get_language() or "vi",
        request=request,
    )
    context = {
        "search": search,
        "query": search.query,
        "sources": site_search.sources(),
        "query_was_shortened": len(request.GET.get("q", "")) > site_search.MAX_QUERY_LENGTH,
    }
    if not search.is_valid_kind:
        context["error"] = _("Loại nội dung không hợp lệ. Hãy chọn một loại trong danh sách.")
        return TemplateResponse(request, "sitesearch/site_search.html", context, status=400)

    page_number = request.GET.get("trang", "")
    try:
        results = search.paginate(page_number)
    except PageProblem as problem:
        context["error"] = problem.message
        return TemplateResponse(
            request, "sitesearch/site_search.html", context, status=problem.status
        )
    previews = search.other_source_previews()
    if search.query and results is not None and results.number == 1:
        found = results.paginator.count + sum(preview["total"] for preview in previews)
        log_query(search.query, found)
    context.update(
        results=results,
        promotions=promotions_for(search.query),
        previews=previews,
    )
    return TemplateResponse(request, "sitesearch/site_search.html", context)
