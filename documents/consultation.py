"""The comment form of a draft: CSRF, the dialogue's captcha and rate limits, the outbox.

The comment is written, with the e-mail to the drafting agency's contact, in one
transaction before the confirmation is shown: a confirmed comment is never lost. A comment
after the closing date (or before the opening date) is refused with a Vietnamese message.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import BadRequest
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dialogue import throttling
from dialogue.captcha import CaptchaMixin
from dialogue.notifications import enqueue_message
from documents.models import DraftComment
from documents.models.documents import today

MAX_COMMENT = 10_000


class CommentForm(CaptchaMixin, forms.ModelForm):
    # Honeypot: hidden from people by CSS (dialogue.css), filled in by naive bots.
    website = forms.CharField(label=gettext_lazy("Để trống ô này"), required=False)

    class Meta:
        model = DraftComment
        fields = ["full_name", "email", "organisation", "content"]
        help_texts = {
            "organisation": gettext_lazy(
                "Nếu góp ý thay mặt cơ quan, tổ chức: tên được công khai. Góp ý cá nhân chỉ "
                "hiện chữ cái đầu của họ tên."
            )
        }
        widgets = {"content": forms.Textarea(attrs={"rows": 8, "maxlength": MAX_COMMENT})}

    def clean_content(self):
        content = self.cleaned_data["content"].strip()
        if len(content) > MAX_COMMENT:
            raise forms.ValidationError(
                _("Góp ý dài quá %(n)d ký tự.") % {"n": MAX_COMMENT}, code="too_long"
            )
        return content

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Không thể tiếp nhận góp ý."), code="spam")
        return ""


def page_number(request):
    raw = request.GET.get("trang", "1")
    if not raw.isdigit() or int(raw) < 1:
        raise BadRequest(_("Số trang phải là số nguyên dương."))
    return int(raw)


def closed_message(draft, day):
    if day < draft.opens_on:
        return _("Dự thảo này bắt đầu lấy ý kiến từ ngày %(date)s; chưa nhận góp ý.") % {
            "date": date_format(draft.opens_on, "SHORT_DATE_FORMAT")
        }
    return _(
        "Dự thảo này đã kết thúc lấy ý kiến ngày %(date)s; góp ý gửi sau thời hạn không "
        "được tiếp nhận."
    ) % {"date": date_format(draft.closes_on, "SHORT_DATE_FORMAT")}


def _render(request, draft, status=200, **context):
    comments = draft.comments.filter(status=DraftComment.Status.PUBLISHED).order_by("created_at")
    day = today()
    response = draft.render(
        request,
        context_overrides={
            "comments": comments,
            "day": day,
            "is_open": draft.is_open(day),
            "days_left": draft.days_left(day),
            **context,
        },
    )
    response.status_code = status
    add_never_cache_headers(response)
    return response


def draft_page(request, draft):
    captcha = settings.DIALOGUE_CAPTCHA
    day = today()
    if request.method != "POST":
        form = CommentForm(captcha=captcha) if draft.is_open(day) else None
        return _render(request, draft, form=form)
    if not draft.is_open(day):
        return _render(request, draft, status=400, closed_error=closed_message(draft, day))
    form = CommentForm(request.POST, captcha=captcha)
    if not form.is_valid():
        return _render(request, draft, status=400, form=form)
    try:
        throttling.check("comment_ip", throttling.client_ip(request))
        throttling.check("comment_email", form.cleaned_data["email"].lower())
    except throttling.RateLimited as limited:
        response = _render(
            request,
            draft,
            status=429,
            form=None,
            throttled_minutes=max(1, round(limited.retry_after / 60)),
        )
        response["Retry-After"] = str(limited.retry_after)
        return response
    with transaction.atomic():
        comment = form.save(commit=False)
        comment.draft = draft
        comment.save()
        notify_contact(request, comment)
    return _render(request, draft, form=None, sent=comment)


def notify_contact(request, comment):
    draft = comment.draft
    context = {"comment": comment, "draft": draft, "url": draft.get_full_url(request)}
    text = render_to_string("documents/email/new_comment.txt", context)
    subject = _("Góp ý mới cho dự thảo: %(title)s") % {"title": draft.title}
    enqueue_message("draft_comment", draft.contact_email, subject, text)
