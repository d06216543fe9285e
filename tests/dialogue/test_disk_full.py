"""A question with an attachment when the disk is full: a clear answer, nothing half-saved."""

from django.core.files.uploadedfile import SimpleUploadedFile

from dialogue.models import Question
from tests.disk import files_under, fill_the_disk

from .conftest import ASK
from .forms import PDF, question_form


def test_a_full_disk_refuses_the_question_with_507_and_keeps_nothing(
    client, section, sector, leader, settings, monkeypatch
):
    fill_the_disk(monkeypatch)
    upload = SimpleUploadedFile("don.pdf", PDF * 50, content_type="application/pdf")

    response = client.post(ASK, {**question_form(sector, leader), "attachment": upload})

    assert response.status_code == 507
    assert "Bộ nhớ lưu trữ" in response.content.decode()
    assert "Traceback" not in response.content.decode()
    assert Question.objects.count() == 0
    assert files_under(settings.DIALOGUE_ATTACHMENT_ROOT) == []


def test_the_same_question_goes_through_once_there_is_room(
    client, section, sector, leader, settings, monkeypatch
):
    fill_the_disk(monkeypatch)
    form = question_form(sector, leader)
    first = SimpleUploadedFile("don.pdf", PDF * 50, content_type="application/pdf")
    assert client.post(ASK, {**form, "attachment": first}).status_code == 507

    monkeypatch.undo()
    again = SimpleUploadedFile("don.pdf", PDF * 50, content_type="application/pdf")
    response = client.post(ASK, {**form, "attachment": again})

    assert response.status_code == 200
    assert Question.objects.count() == 1
    assert len(files_under(settings.DIALOGUE_ATTACHMENT_ROOT)) == 1
