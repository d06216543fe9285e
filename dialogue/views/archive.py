"""The public archive: published, anonymised questions and answers, search, statistics.

These views read PublishedQuestion only (see models/publication.py): there is no personal
data within their reach.
"""

from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend

from dialogue import statistics as stats
from dialogue.models import Agency, PublishedQuestion, Sector
from portal.jsonld import json_ld_text
from portal.pagination import PageProblem, page_of
from sitesearch.site_search import folded_query, search_terms

PER_PAGE = 10


class ArchiveFilterForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    linh_vuc = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=Sector.objects.all(),
        required=False,
        empty_label=_("Tất cả lĩnh vực"),
    )
    gui_toi = forms.ModelChoiceField(
        label=_("Gửi tới"),
        queryset=Agency.objects.all(),
        required=False,
        empty_label=_("Tất cả lãnh đạo, cơ quan"),
    )


def published(form):
    queryset = PublishedQuestion.objects.select_related("sector", "addressee", "answering_body")
    data = form.cleaned_data
    if data.get("linh_vuc"):
        queryset = queryset.filter(sector=data["linh_vuc"])
    if data.get("gui_toi"):
        queryset = queryset.filter(addressee=data["gui_toi"])
    # Words only (search_terms): a quote or other full-text syntax is no SQLite FTS5 error.
    query = folded_query(search_terms(data.get("q", "")))
    if query is not None:
        # Both sides folded: "dang ky", "đăng kí" and "Đăng Ký" find the same answers.
        return get_search_backend().search(query, queryset.order_by("-published_at"))
    return queryset.order_by("-published_at", "-pk")


def archive(page, request):
    form = ArchiveFilterForm(request.GET or None)
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
        results = PublishedQuestion.objects.none()
    else:
        if not form.is_bound:
            form.cleaned_data = {}
        results = published(form)
    page_error = None
    try:
        page_of_results = page_of(results, request.GET.get("trang"), PER_PAGE)
    except PageProblem as problem:
        status, page_error = problem.status, problem.message
        page_of_results = page_of(PublishedQuestion.objects.none(), None, PER_PAGE)
    response = page.render(
        request,
        context_overrides={
            "filter_form": form,
            "results": page_of_results,
            "page_error": page_error,
            "searching": bool(form.is_bound and form.is_valid() and form.cleaned_data.get("q")),
        },
    )
    response.status_code = status
    return response


def detail(page, request, pk):
    publication = (
        PublishedQuestion.objects.select_related("sector", "addressee", "answering_body")
        .filter(pk=pk)
        .first()
    )
    if publication is None:
        raise Http404
    codes = list(
        publication.question.procedure_references.order_by("code").values_list("code", flat=True)
    )
    structured = {
        "@context": "https://schema.org",
        "@type": "QAPage",
        "mainEntity": {
            "@type": "Question",
            "name": publication.title,
            "text": publication.question_text,
            "dateCreated": publication.asked_on.isoformat(),
            "answerCount": 1,
            "acceptedAnswer": {
                "@type": "Answer",
                "text": publication.answer_text,
                "dateCreated": publication.answered_on.isoformat(),
                "author": {
                    "@type": "GovernmentOrganization",
                    "name": publication.answering_body.name,
                },
            },
        },
    }
    return page.render(
        request,
        template="dialogue/question_detail.html",
        context_overrides={
            "publication": publication,
            "procedure_codes": codes,
            "structured_data": json_ld_text(structured),
            "og_title": publication.title,  # includes/seo_head.html
        },
    )


def statistics(page, request):
    overall, rows = stats.compute()
    return page.render(
        request,
        template="dialogue/statistics.html",
        context_overrides={"overall": overall, "rows": rows},
    )
