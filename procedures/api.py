"""The open-data JSON API of the procedure directory.

GET /api/v1/procedures/?q=&level=&field=&agency=&online=&sort=&page=
GET /api/v1/procedures/autocomplete/?q=
GET /api/v1/procedures/<code>/
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.search import elastic
from procedures.forms import MAX_QUERY_LENGTH, CleanCharField, ProcedureSearchForm
from procedures.links import procedure_url_builder
from procedures.models import Procedure
from procedures.queries import autocomplete, search_procedures
from procedures.serializers import procedure_json

JSON_OPTIONS = {"json_dumps_params": {"ensure_ascii": False}}


def _error(message, status):
    return JsonResponse({"error": message}, status=status, **JSON_OPTIONS)


@require_GET
def procedure_list(request):
    form = ProcedureSearchForm(request.GET)
    if not form.is_valid():
        return _error(form.error_message(), 400)
    url_for = procedure_url_builder(request, absolute=True)
    response = search_procedures(form.params(settings.PROCEDURE_PAGE_SIZE), url_for)
    json_response = JsonResponse(response.as_json(), **JSON_OPTIONS)
    if response.degraded:
        add_never_cache_headers(json_response)
    return json_response


@require_GET
def procedure_autocomplete(request):
    field = CleanCharField(required=False, max_length=MAX_QUERY_LENGTH)
    q = request.GET.get("q", "")
    if len(q) > MAX_QUERY_LENGTH:
        return _error(_("Từ khóa tìm kiếm dài quá %(n)d ký tự.") % {"n": MAX_QUERY_LENGTH}, 400)
    suggestions, backend = autocomplete(field.clean(q))
    url_for = procedure_url_builder(request)
    results = [{**item, "url": url_for(item["code"])} for item in suggestions]
    response = JsonResponse({"results": results, "backend": backend}, **JSON_OPTIONS)
    if backend == "database" and elastic.is_configured():  # the fallback after a failure
        add_never_cache_headers(response)
    else:
        response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def procedure_detail(request, code):
    procedure = (
        Procedure.objects.prefetch_related(
            "levels", "implementing_agencies", "ways", "dossier_items", "legal_documents"
        )
        .filter(code=code.upper())
        .first()
    )
    if procedure is None:
        return _error(_("Không có thủ tục mã %(code)s.") % {"code": code}, 404)
    url = procedure_url_builder(request, absolute=True)(procedure.code)
    return JsonResponse(procedure_json(procedure, url), **JSON_OPTIONS)
