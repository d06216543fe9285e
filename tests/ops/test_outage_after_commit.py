"""PostgreSQL going away right after a question is committed (the PostgreSQL restart drill).

The question and its e-mail row commit together; the e-mail is then sent by an on_commit
callback that itself needs the database. When the database was gone by then, Django's robust
on_commit tried to log the failure by the callback's __qualname__, which a functools.partial
lacks: the citizen got a 500 for a question that was stored. Now they get their code, and the
e-mail stays pending for `process_dialogue_outbox`.
"""

import pytest
from django.db import OperationalError

from dialogue import notifications
from dialogue.models import Notification, Question
from tests.dialogue.conftest import ASK, leader, section, sector  # noqa: F401 - fixtures
from tests.dialogue.forms import question_form


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # real commits: on_commit runs
@pytest.mark.usefixtures("section")
def test_a_database_gone_after_the_commit_still_confirms_the_question(
    client, monkeypatch, caplog, request
):
    asked_sector, addressee = request.getfixturevalue("sector"), request.getfixturevalue("leader")

    def database_gone(pk):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(notifications, "deliver", database_gone)

    response = client.post(ASK, question_form(asked_sector, addressee))

    assert response.status_code == 200
    assert "Đã nhận câu hỏi của bạn" in response.content.decode()
    question = Question.objects.get()
    assert Notification.objects.filter(
        question=question, status=Notification.Status.PENDING
    ).exists()
    assert "server closed the connection unexpectedly" in caplog.text
