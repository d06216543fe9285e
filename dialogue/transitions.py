"""The dialogue's state machine, in one table.

Each workflow step names the statuses it may start from and who may take it. Both readers
use this table and nothing else: `dialogue.workflow` refuses a step that is not in it (with
the step's own message), and the admin's handling page shows the button and form of a step
only when the table allows it. A step added or changed here changes both at once.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Question

S = Question.Status

MODERATOR = "moderator"  # the group "Người kiểm duyệt" (and superusers)
HANDLER = "handler"  # a moderator, or the answering body the question is assigned to

ALL_STATUSES = tuple(S)


@dataclass(frozen=True)
class Transition:
    sources: tuple  # statuses the step may start from
    who: str  # MODERATOR or HANDLER
    refusal: str  # shown to staff when the question is in another status


TRANSITIONS = {
    "assign": Transition(
        Question.OPEN_STATUSES, MODERATOR, _("Chỉ phân công được câu hỏi đang chờ xử lý.")
    ),
    "start": Transition((S.ASSIGNED,), HANDLER, _("Chỉ tiếp nhận được câu hỏi đã phân công.")),
    "answer": Transition(
        (S.ASSIGNED, S.IN_PROGRESS, S.ANSWERED),
        HANDLER,
        _("Chỉ trả lời được câu hỏi đã phân công và chưa công khai."),
    ),
    "return": Transition((S.ANSWERED,), MODERATOR, _("Chỉ trả lại được câu trả lời chờ duyệt.")),
    "approve": Transition((S.ANSWERED,), MODERATOR, _("Chỉ duyệt được câu hỏi đã có câu trả lời.")),
    "reject": Transition(
        (S.NEW, S.ASSIGNED, S.IN_PROGRESS, S.ANSWERED),
        MODERATOR,
        _("Không thể từ chối câu hỏi đã công khai hoặc đã từ chối."),
    ),
    "unpublish": Transition((S.PUBLISHED,), MODERATOR, _("Câu hỏi chưa được công khai.")),
    "republish": Transition((S.PUBLISHED,), MODERATOR, _("Câu hỏi chưa được công khai.")),
    "note": Transition(ALL_STATUSES, HANDLER, ""),
    "procedures": Transition(ALL_STATUSES, MODERATOR, ""),
}


def allows(action, status):
    """Whether `action` may start from `status` (the table's answer, nothing else)."""
    return status in TRANSITIONS[action].sources
