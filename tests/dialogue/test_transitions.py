"""One transitions table (dialogue.transitions) read by the workflow and by the admin's buttons:
for every status, the buttons a moderator sees are exactly the steps the workflow accepts."""

import pytest

from dialogue import workflow
from dialogue.models import Question
from dialogue.transitions import TRANSITIONS, allows

from .conftest import ADMIN_QUEUE

S = Question.Status

# The step each button posts, called the way the handling page calls it.
STEPS = {
    "assign": lambda q, user, agency: workflow.assign(q, user, agency),
    "start": lambda q, user, agency: workflow.start(q, user),
    "answer": lambda q, user, agency: workflow.answer(q, user, "Trả lời"),
    "return": lambda q, user, agency: workflow.return_for_revision(q, user, "Sửa"),
    "approve": lambda q, user, agency: workflow.approve(q, user, "t", "q", "a"),
    "reject": lambda q, user, agency: workflow.reject(q, user, "Lý do"),
    "unpublish": lambda q, user, agency: workflow.unpublish(q, user),
    "republish": lambda q, user, agency: workflow.republish(q, user, "t", "q", "a"),
    "note": lambda q, user, agency: workflow.add_note(q, user, "Ghi chú"),
    "procedures": lambda q, user, agency: workflow.set_procedures(q, user, ["2.001234"]),
}


def buttons(client, question):
    html = client.get(f"{ADMIN_QUEUE}{question.pk}/").content.decode()
    return {action for action in TRANSITIONS if f'name="action" value="{action}"' in html}


def test_every_step_is_in_the_table():
    assert set(STEPS) == set(TRANSITIONS)


@pytest.mark.parametrize("status", list(S))
def test_buttons_and_workflow_agree_with_the_table(
    client, question, agency, moderator, second_moderator, status
):
    question.status = status
    question.assigned_agency = agency
    question.answer = "Câu trả lời"
    question.answered_by = second_moderator
    question.save()
    expected = {action for action in TRANSITIONS if allows(action, status)}

    client.force_login(moderator)
    assert buttons(client, question) == expected

    for action, step in STEPS.items():
        question.refresh_from_db()
        question.status = status
        question.answered_by = second_moderator  # the reviewer must differ from the author
        question.save(update_fields=["status", "answered_by"])
        if action in expected:
            step(question, moderator, agency)
        else:
            with pytest.raises(workflow.WorkflowError):
                step(question, moderator, agency)
