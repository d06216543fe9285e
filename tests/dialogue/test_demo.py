import io

from django.core.management import call_command

from dialogue.models import PublishedQuestion, Question


def load():
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def test_demo_has_published_answers_and_a_question_in_every_status(client, db):
    output = load()

    assert "dialogue question(s) created" in output
    statuses = set(Question.objects.values_list("status", flat=True))
    assert statuses == set(Question.Status.values)
    assert PublishedQuestion.objects.count() >= 4
    assert Question.objects.overdue().exists()
    html = client.get("/trao-doi-va-thao-go/").content.decode()
    assert "Khi nào tôi nhận được tiền thai sản" in html
    assert "Bảo hiểm xã hội thành phố" in html
    assert client.get("/trao-doi-va-thao-go/gui-cau-hoi/").status_code == 200
    assert "Nguyễn Thị Hoa" not in html


def test_demo_twice_changes_nothing(db):
    load()
    before = sorted(Question.objects.values_list("tracking_code", "status"))
    published = PublishedQuestion.objects.count()

    output = load()

    assert "0 dialogue question(s) created" in output
    assert sorted(Question.objects.values_list("tracking_code", "status")) == before
    assert PublishedQuestion.objects.count() == published
