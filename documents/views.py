"""The "Văn bản" pages: the search (with facets), the downloads, and a document's context.

Thin on purpose: parameters are validated by DocumentSearchForm, queries built in
documents/queries.py (or documents/fallback.py).
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.utils.translation import gettext as _

from documents.attachments import CONTENT_TYPES, extension_of
from documents.forms import DocumentSearchForm
from documents.models import AttachmentFile, DocumentAttachment
from documents.params import sort_links
from documents.queries import search_documents
from documents.results import add_display
from portal.vietnamese import fold


class ResultWindow:
    """The one page of results a search returned, sized as the whole result set, so that
    Django's Paginator (and the shared `{% pagination %}` component) can page it."""

    def __init__(self, response):
        self.response = response

    def __len__(self):
        return self.response.count

    def __getitem__(self, key):
        return self.response.results


def url_builder(index_page, request=None):
    base = index_page.get_url(request)
    return lambda slug: f"{base}{slug}/"


def _query(current, **changes):
    query = current.copy()
    query.pop("trang", None)
    for key, value in changes.items():
        query.pop(key, None)
        if value not in (None, ""):
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


def search_page(request, index_page):
    form = DocumentSearchForm(request.GET)
    context = {"page": index_page, "self": index_page, "form": form, "response": None}
    template = "documents/document_index_page.html"
    if not form.is_valid():
        context["error"] = form.error_message()
        return render(request, template, context, status=400)
    params = form.params(settings.DOCUMENT_PAGE_SIZE)
    response = search_documents(params, url_builder(index_page, request))
    if params.page > response.num_pages:
        raise Http404(_("Không có trang %(page)d.") % {"page": params.page})
    add_display(response.results, params.highlight_tokens)
    for name, buckets in response.facets.items():
        for bucket in buckets:
            value = "" if bucket["selected"] else bucket["value"]
            bucket["href"] = _query(request.GET, **{name: value})
    paginator = Paginator(ResultWindow(response), response.page_size)
    context.update(
        response=response,
        params=params,
        page_obj=paginator.page(params.page),
        sort_links=[
            {
                "label": label,
                "href": _query(request.GET, sort=value),
                "current": value == params.effective_sort,
            }
            for value, label in sort_links()
        ],
        feed_url=index_page.url + index_page.reverse_subpage("feed"),
    )
    page_response = render(request, template, context)
    if response.degraded:
        add_never_cache_headers(page_response)
    return page_response


def download(request, index_page, pk):
    """Serve an attachment of a live document under this index, counting the download; a
    private document's only to those its page would be shown to."""
    attachment = (
        DocumentAttachment.objects.filter(
            pk=pk, page__live=True, page__path__startswith=index_page.path
        )
        .select_related("page")
        .first()
    )
    if attachment is None or not may_view(request, attachment.page):
        raise Http404(_("Không có tệp này."))
    response = file_response(attachment.file, attachment.title)
    name = attachment.file.name
    if not AttachmentFile.objects.filter(name=name).update(downloads=F("downloads") + 1):
        AttachmentFile.objects.get_or_create(name=name)
        AttachmentFile.objects.filter(name=name).update(downloads=F("downloads") + 1)
    return response


def may_view(request, page):
    """Wagtail's privacy for a file served outside the page: every view restriction on the
    document or above it accepts this visitor (signed in, in the group, password given)."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def file_response(field_file, title):
    """The one way a stored file is handed out (a document's attachment, a draft's files),
    once the caller has decided this visitor may have it: always as a download named after
    `title`, typed by its extension (nosniff comes from SecurityMiddleware), and kept by no
    cache, since who may have it is decided per request. No file, or a file missing from
    storage, is the 404 page."""
    if not field_file:
        raise Http404(_("Không có tệp này."))
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("Không có tệp này.")) from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(title, field_file.name),
        content_type=CONTENT_TYPES.get(extension_of(field_file.name)),
    )
    add_never_cache_headers(response)
    return response


def download_name(title, stored_name):
    """The name the visitor's file gets: its title, readable without diacritics
    ("nghi-dinh-61-2018-nd-cp.pdf"), never the storage's name with its random suffix."""
    stem = slugify(fold(title).replace("/", "-")) or slugify(fold(stored_name.rsplit("/", 1)[-1]))
    return f"{stem[:120] or 'van-ban'}.{extension_of(stored_name)}"
