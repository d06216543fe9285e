"""The directory page's views: search (with facets) and a procedure's page (and its print view).

Thin on purpose: parameters are validated by ProcedureSearchForm, queries built in
procedures/queries.py (or procedures/fallback.py), JSON-LD in procedures/serializers.py.
"""

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from portal.jsonld import json_ld_text
from portal.pagination import PARAMETER as PAGE_PARAMETER
from portal.pagination import PageProblem, page_window
from procedures.forms import ProcedureSearchForm
from procedures.links import procedure_url_builder, questions_about
from procedures.models import Procedure, ProcedureDirectoryPage
from procedures.queries import search_procedures
from procedures.serializers import government_service
from procedures.terms import log_query


def directory_search(request, page):
    if "page" in request.GET:  # the parameter's old name: old links still land
        query = request.GET.copy()
        number = query.pop("page")[-1]
        query.setdefault(PAGE_PARAMETER, number)
        return HttpResponsePermanentRedirect(f"{request.path}?{query.urlencode()}")
    data = request.GET.copy()
    if PAGE_PARAMETER in data:
        data["page"] = data.pop(PAGE_PARAMETER)[-1]
    form = ProcedureSearchForm(data)
    context = {"page": page, "self": page, "form": form, "response": None}
    if not form.is_valid():
        context["error"] = form.error_message()
        return render(request, "search/procedure_directory_page.html", context, status=400)
    params = form.params(settings.PROCEDURE_PAGE_SIZE)
    response = search_procedures(params, procedure_url_builder(request, directory=page))
    try:
        pages = page_window(response.page, response.count, response.page_size)
    except PageProblem as problem:
        context["error"] = problem.message
        return render(request, "search/procedure_directory_page.html", context, status=404)
    if params.has_query and response.page == 1:
        log_query(params.q, response.count)  # for Reports → Search terms
    add_links(response, request.GET)
    context.update(response=response, params=params, pages=pages)
    page_response = render(request, "search/procedure_directory_page.html", context)
    if response.degraded:
        add_never_cache_headers(page_response)
    return page_response


def _query(current, **changes):
    """The current query string with `changes`; a new filter starts again at page 1."""
    query = current.copy()
    query.pop(PAGE_PARAMETER, None)
    for key, value in changes.items():
        query.pop(key, None)
        if value not in (None, ""):
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


def add_links(response, current):
    """Each facet value links to the results filtered by it (or, when chosen, without it)."""
    for name, buckets in response.facets.items():
        for bucket in buckets:
            bucket["href"] = _query(
                current, **{name: "" if bucket["selected"] else bucket["value"]}
            )
    response.extra["start"] = (response.page - 1) * response.page_size + 1


def procedure_page(request, page_path, code, printable=None):
    """<directory page>/<code>/: find the directory page the path names, then the procedure."""
    wanted = "/" + page_path
    for page in ProcedureDirectoryPage.objects.live().public():
        if page.get_url(request) == wanted:
            return procedure_detail(request, page.specific, code, printable=bool(printable))
    raise Http404


def procedure_detail(request, page, code, printable=False):
    procedure = (
        Procedure.objects.prefetch_related(
            "levels", "implementing_agencies", "ways", "dossier_items", "legal_documents"
        )
        .filter(code=code.upper())
        .first()
    )
    if procedure is None:
        raise Http404
    url = procedure_url_builder(request, directory=page, absolute=True)(procedure.code)
    site = page.get_site()
    area = site.site_name if site else ""
    context = {
        "page": page,
        "self": page,
        "procedure": procedure,
        "printable": printable,
        "canonical_url": url,  # includes/seo_head.html prints it once, with og:url
        "og_title": procedure.name,
        "json_ld": json_ld_text(government_service(procedure, url, area)),
        "questions": questions_about(procedure.code),
    }
    return render(request, "search/procedure_detail.html", context)
