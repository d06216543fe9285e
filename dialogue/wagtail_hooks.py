from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import Question, QuestionLogEntry
from .permissions import QuestionPermissionPolicy
from .viewsets import DialogueViewSetGroup

# Registered first, before anything asks the registry for Question's policy.
register_permission_policy(Question, QuestionPermissionPolicy(Question))
register_snippet(DialogueViewSetGroup)


@hooks.register("insert_global_admin_css")
def dialogue_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/dialogue-admin.css"))


@hooks.register("register_log_actions")
def register_dialogue_log_actions(actions):
    # Questions get their own log model, which shows each line only to those who may see
    # the question (see dialogue.models.audit).
    actions.register_model(Question, QuestionLogEntry)
    actions.register_action(
        "dialogue.submit", _("Tiếp nhận câu hỏi"), _("Người dân gửi câu hỏi qua cổng")
    )
    actions.register_action("dialogue.start", _("Tiếp nhận xử lý"), _("Bắt đầu xử lý"))
    actions.register_action("dialogue.answer", _("Trả lời"), _("Đã nhập câu trả lời"))
    actions.register_action("dialogue.return", _("Trả lại"), _("Trả lại câu trả lời để sửa"))
    actions.register_action(
        "dialogue.approve", _("Duyệt và công khai"), _("Duyệt câu trả lời và công khai")
    )
    actions.register_action("dialogue.unpublish", _("Gỡ công khai"), _("Gỡ khỏi trang công khai"))
    actions.register_action(
        "dialogue.republish",
        _("Ẩn lại và công khai lại"),
        _("Ẩn lại thông tin cá nhân và thay bản công khai"),
    )
    actions.register_action("dialogue.note", _("Ghi chú"), _("Thêm ghi chú nội bộ"))
    actions.register_action(
        "dialogue.attachment", _("Tải tệp đính kèm"), _("Tải tệp đính kèm của người hỏi")
    )

    @actions.register_action("dialogue.assign")
    class AssignFormatter(LogFormatter):
        label = _("Phân công")

        def format_message(self, log_entry):
            return _("Phân công cho %(agency)s") % {"agency": log_entry.data.get("agency", "")}

    @actions.register_action("dialogue.reject")
    class RejectFormatter(LogFormatter):
        label = _("Từ chối")

        def format_message(self, log_entry):
            return _("Từ chối: %(reason)s") % {"reason": log_entry.data.get("reason", "")}

    @actions.register_action("dialogue.procedures")
    class ProceduresFormatter(LogFormatter):
        label = _("Thủ tục liên quan")

        def format_message(self, log_entry):
            codes = ", ".join(log_entry.data.get("codes", [])) or "—"
            return _("Thủ tục liên quan: %(codes)s") % {"codes": codes}


@hooks.register("register_sitemaps")
def published_answer_sitemaps():
    from dialogue.sitemaps import PublishedAnswerSitemap

    return {"answers": PublishedAnswerSitemap}
