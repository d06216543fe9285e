"""Wagtail admin views for moderators and answering bodies: the queue, the handling page
(every workflow step posts to it) and the attachment download.

All of them show personal data, so each checks the role (permissions.py) and, per question,
that the user may see it: others get Wagtail's "no permission" redirect or a 404.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import registry as log_registry

from dialogue import masking, workflow
from dialogue.forms.staff import (
    AnswerForm,
    ApproveForm,
    AssignForm,
    NoteForm,
    ProceduresForm,
    RejectForm,
    RepublishForm,
    ReturnForm,
    TemplatePickForm,
)
from dialogue.models import Question
from dialogue.permissions import can_see, has_role, is_moderator, visible_questions
from dialogue.transitions import MODERATOR, TRANSITIONS


class QuestionIndexView(IndexView):
    """The queue: only the questions this user may see (all, or their agency's)."""

    def get_base_queryset(self):
        return visible_questions(self.request.user).select_related(
            "sector", "addressee", "assigned_agency"
        )


class QuestionProcessView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "dialogue/admin/question_process.html"
    header_icon = "help"
    index_url_name = None
    attachment_url_name = None
    model = Question

    # action name -> its form (None: a button alone). Who may take it and from which
    # statuses is dialogue.transitions.TRANSITIONS, the table the workflow checks too.
    ACTIONS = {
        "assign": AssignForm,
        "start": None,
        "answer": AnswerForm,
        "return": ReturnForm,
        "approve": ApproveForm,
        "reject": RejectForm,
        "unpublish": None,
        "republish": RepublishForm,
        "note": NoteForm,
        "procedures": ProceduresForm,
    }

    def dispatch(self, request, pk):
        if not has_role(request.user):
            raise PermissionDenied
        self.object = get_object_or_404(visible_questions(request.user), pk=pk)
        self.bound_forms = {}
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Xử lý câu hỏi")

    def get_page_subtitle(self):
        return self.object.tracking_code

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Câu hỏi")},
            {"url": "", "label": self.object.tracking_code},
        ]

    def allowed(self, action):
        user = self.request.user
        transition = TRANSITIONS[action]
        if self.object.status not in transition.sources:
            return False
        return is_moderator(user) if transition.who == MODERATOR else can_see(user, self.object)

    def initial_for(self, action):
        question = self.object
        if action == "answer":
            picked = TemplatePickForm(self.request.GET or None)
            if picked.is_valid() and picked.cleaned_data["mau"]:
                return {"answer": picked.cleaned_data["mau"].body}
            return {"answer": question.answer}
        if action == "approve":
            # What will be published, already masked: the reviewer sees it as the public will.
            return {
                "title": masking.mask(question.title, question),
                "question_text": masking.mask(question.content, question),
                "answer_text": masking.mask(question.answer, question),
            }
        if action == "republish":
            # The public copy as it is, masked again with today's detectors.
            publication = getattr(question, "publication", None)
            texts = (
                (publication.title, publication.question_text, publication.answer_text)
                if publication
                else (question.title, question.content, question.answer)
            )
            return {
                name: masking.mask(text, question)
                for name, text in zip(("title", "question_text", "answer_text"), texts, strict=True)
            }
        if action == "procedures":
            codes = question.procedure_references.values_list("code", flat=True)
            return {"codes": ", ".join(codes)}
        return {}

    def form_kwargs(self, action):
        # The approval forms list the flags found for this asker.
        return {"asker": self.object} if action in ("approve", "republish") else {}

    def findings(self):
        """The citizen's texts and the answer with everything detected marked and explained,
        shown above the approval form (None when there is nothing to approve)."""
        if not (self.allowed("approve") or self.allowed("republish")):
            return None
        question = self.object
        return [
            (_("Tiêu đề"), masking.highlight(question.title, question)),
            (_("Nội dung câu hỏi"), masking.highlight(question.content, question)),
            (_("Câu trả lời"), masking.highlight(question.answer, question)),
        ]

    def forms(self):
        forms = {}
        for action, form_class in self.ACTIONS.items():
            if not self.allowed(action):
                continue
            if action in self.bound_forms:
                forms[action] = self.bound_forms[action]
            elif form_class is not None:
                forms[action] = form_class(
                    initial=self.initial_for(action), prefix=action, **self.form_kwargs(action)
                )
            else:
                forms[action] = None
        return forms

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        question = self.object
        context.update(
            question=question,
            forms=self.forms(),
            template_pick=TemplatePickForm(self.request.GET or None),
            notes=question.notes.select_related("author"),
            history=log_registry.get_logs_for_instance(question).select_related("user"),
            notifications=question.notifications.order_by("-created_at"),
            procedure_codes=question.procedure_references.values_list("code", flat=True),
            publication=getattr(question, "publication", None),
            findings=self.findings(),
            can_moderate=is_moderator(self.request.user),
            attachment_url=reverse(self.attachment_url_name, args=[question.pk]),
        )
        return context

    def post(self, request, pk):
        action = request.POST.get("action", "")
        if action not in self.ACTIONS or not self.allowed(action):
            messages.error(request, _("Không thể thực hiện thao tác này với câu hỏi hiện tại."))
            return redirect(request.path)
        form_class = self.ACTIONS[action]
        data = {}
        if form_class is not None:
            form = form_class(request.POST, prefix=action, **self.form_kwargs(action))
            if not form.is_valid():
                self.bound_forms[action] = form
                messages.error(request, _("Xin kiểm tra lại thông tin đã nhập."))
                response = self.render_to_response(self.get_context_data())
                response.status_code = 400
                return response
            data = form.cleaned_data
        try:
            self.perform(action, data)
        except workflow.UnconfirmedFlags as error:
            # Shown again with the reviewer's edits kept, so nothing typed is lost.
            self.bound_forms[action] = form
            messages.error(request, str(error))
            response = self.render_to_response(self.get_context_data())
            response.status_code = 400
            return response
        except workflow.WorkflowError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        messages.success(request, _("Đã cập nhật câu hỏi %(code)s.") % {"code": self.object})
        return redirect(request.path)

    def perform(self, action, data):
        user, question = self.request.user, self.object
        steps = {
            "assign": lambda: workflow.assign(question, user, data["agency"]),
            "start": lambda: workflow.start(question, user),
            "answer": lambda: workflow.answer(question, user, data["answer"]),
            "return": lambda: workflow.return_for_revision(question, user, data["reason"]),
            "approve": lambda: workflow.approve(question, user, **data),
            "reject": lambda: workflow.reject(question, user, data["reason"]),
            "unpublish": lambda: workflow.unpublish(question, user),
            "republish": lambda: workflow.republish(question, user, **data),
            "note": lambda: workflow.add_note(question, user, data["text"]),
            "procedures": lambda: workflow.set_procedures(question, user, data["codes"]),
        }
        steps[action]()


def attachment(request, pk):
    """The citizen's file, to staff who may see the question; always as a download."""
    if not has_role(request.user):
        raise PermissionDenied
    question = get_object_or_404(visible_questions(request.user), pk=pk)
    if not question.attachment:
        raise Http404
    try:
        handle = question.attachment.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    workflow.log_attachment_download(question, request.user)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=question.attachment_name or question.attachment.name.rsplit("/", 1)[-1],
        content_type=question.attachment_type or "application/octet-stream",
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
