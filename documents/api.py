"""The open-data JSON API of the documents.

GET /api/v1/documents/?q=&type=&issuer=&field=&year=&status=&sort=&page=
GET /api/v1/documents/<id>/
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from documents.forms import DocumentSearchForm
from documents.indexing import indexed
from documents.links import index_url
from documents.queries import search_documents
from documents.structured_data import document_json

JSON_OPTIONS = {"json_dumps_params": {"ensure_ascii": False}}


def _error(message, status):
    return JsonResponse({"error": message}, status=status, **JSON_OPTIONS)


@require_GET
def document_list(request):
    form = DocumentSearchForm(request.GET, page_parameter="page")
    if not form.is_valid():
        return _error(form.error_message(), 400)
    base = index_url(request)
    if not base:
        return _error(_("Chưa có mục văn bản."), 404)
    response = search_documents(
        form.params(settings.DOCUMENT_PAGE_SIZE), lambda slug: f"{base}{slug}/"
    )
    if response.page > response.num_pages:
        return _error(_("Không có trang %(page)d.") % {"page": response.page}, 404)
    body = {
        "count": response.count,
        "page": response.page,
        "num_pages": response.num_pages,
        "results": response.results,
        "facets": response.facets,
        "backend": response.backend,
    }
    json_response = JsonResponse(body, **JSON_OPTIONS)
    if response.degraded:
        add_never_cache_headers(json_response)
    return json_response


@require_GET
def document_detail(request, pk):
    if not pk.isascii() or not pk.isdigit() or len(pk) > 12:
        return _error(_("Mã văn bản phải là một số nguyên dương."), 400)
    document = indexed().select_related("document_type", "issuer", "field").filter(pk=pk).first()
    if document is None:
        return _error(_("Không có văn bản số %(id)s.") % {"id": pk}, 404)
    url = document.get_full_url(request)
    attachments = document.attachment_links(request, absolute=True)
    return JsonResponse(document_json(document, url, attachments), **JSON_OPTIONS)
