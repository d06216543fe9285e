"""Citizens' side: ask a question, then look its status up with the tracking code."""

import hmac

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from dialogue import intake, throttling
from dialogue.forms.public import LookupForm, QuestionForm
from dialogue.models import Question


def _render(page, request, template, status=200, **context):
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    # Personal forms and answers: never kept by the nginx micro-cache or a shared proxy.
    add_never_cache_headers(response)
    return response


def throttled(page, request, limited):
    minutes = max(1, round(limited.retry_after / 60))
    response = _render(
        page,
        request,
        "dialogue/throttled.html",
        status=429,
        minutes=minutes,
    )
    response["Retry-After"] = str(limited.retry_after)
    return response


def ask(page, request):
    captcha = settings.DIALOGUE_CAPTCHA
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method != "POST":
        return _render(page, request, "dialogue/ask.html", form=QuestionForm(captcha=captcha))

    if "show_wards" in request.POST:
        return show_wards(page, request, captcha)
    form = QuestionForm(request.POST, request.FILES, captcha=captcha)
    if not form.is_valid():
        status = 413 if form.attachment_too_large else 400
        return _render(page, request, "dialogue/ask.html", status=status, form=form)
    try:
        receipt = intake.submit(
            form.cleaned_data, throttling.client_ip(request), form.attachment_type
        )
    except throttling.RateLimited as limited:
        return throttled(page, request, limited)
    return _render(
        page,
        request,
        "dialogue/ask_done.html",
        question=receipt.question,
        duplicate=receipt.duplicate,
    )


# Kept when the form comes back with another province's wards; a file cannot be sent back,
# and the honeypot and the captcha start afresh.
NOT_SHOWN_AGAIN = {"attachment", "website", "captcha_answer", "captcha_token"}


def show_wards(page, request, captcha):
    """Without JavaScript, "Hiện phường, xã" posts the form back to list the wards of the
    chosen province: nothing is validated, stored or counted, and what was typed stays."""
    names = set(QuestionForm.base_fields) - NOT_SHOWN_AGAIN
    initial = {name: request.POST.get(name) for name in names if name in request.POST}
    form = QuestionForm(initial=initial, captcha=captcha)
    return _render(page, request, "dialogue/ask.html", form=form, wards_shown=True)


def find_for_lookup(code, contact):
    """The question with this code if the contact matches; the same None otherwise, so the
    answer never tells whether a code exists."""
    kind, value = contact
    question = Question.objects.filter(tracking_code=code).first()
    expected = ""
    if question is not None:
        expected = question.email.lower() if kind == "email" else question.phone
    if question is None or not hmac.compare_digest(expected.encode(), value.encode()):
        return None
    return question


def lookup(page, request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method != "POST":
        return _render(page, request, "dialogue/lookup.html", form=LookupForm())
    try:
        throttling.check("lookup_ip", throttling.client_ip(request))
    except throttling.RateLimited as limited:
        return throttled(page, request, limited)
    form = LookupForm(request.POST)
    if not form.is_valid():
        return _render(page, request, "dialogue/lookup.html", status=400, form=form)
    question = find_for_lookup(form.cleaned_data["code"], form.cleaned_data["contact"])
    if question is None:
        return _render(
            page,
            request,
            "dialogue/lookup.html",
            status=404,
            form=form,
            not_found=_("Không tìm thấy câu hỏi với mã theo dõi và thông tin liên hệ này."),
        )
    return _render(
        page, request, "dialogue/lookup.html", form=LookupForm(), result=status_of(page, question)
    )


def status_of(page, question):
    """Only the handling status: the lookup page shows nothing about the person."""
    publication = None
    if question.status == Question.Status.PUBLISHED:
        publication = getattr(question, "publication", None)
    return {
        "code": question.tracking_code,
        "status": question.status,
        "status_label": question.get_status_display(),
        "submitted_at": question.submitted_at,
        "due_date": question.due_date if question.is_open else None,
        "is_overdue": question.is_overdue,
        "public_url": page.subpage_url("detail", publication.pk) if publication else "",
    }
