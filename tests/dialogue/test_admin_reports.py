"""Wagtail's own reports, exports and choosers never show one agency another agency's questions.

The audit log of a question names its tracking code, the agencies it went to and the reason
it was refused; an answering body ("Cơ quan trả lời") may read those lines only for the
questions assigned to it.
"""

import csv
import io

import pytest
from openpyxl import load_workbook
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from dialogue import workflow

from .conftest import ADMIN_QUEUE, make_question

SITE_HISTORY = "/admin/reports/site-history/"
SECRET_REASON = "Nội dung trùng với hồ sơ đang giải quyết tại Sở Y tế"


@pytest.fixture
def logged(sector, leader, agency, other_agency, moderator):
    ours = make_question(sector, leader, title="Câu hỏi của Sở Tư pháp")
    theirs = make_question(sector, leader, title="Câu hỏi của Sở Y tế", full_name="Lê Văn Khác")
    refused = make_question(sector, leader, title="Câu hỏi bị từ chối")
    fresh = make_question(sector, leader, title="Câu hỏi chưa phân công")
    for question in (ours, theirs, refused, fresh):
        log(question, "dialogue.submit", user=None, title=question.tracking_code)
    workflow.assign(ours, moderator, agency)
    workflow.assign(theirs, moderator, other_agency)
    workflow.assign(refused, moderator, other_agency)
    workflow.reject(refused, moderator, SECRET_REASON)
    return {"ours": ours, "theirs": theirs, "refused": refused, "fresh": fresh}


def others(logged):
    return [logged[key].tracking_code for key in ("theirs", "refused", "fresh")]


def text_of(response):
    body = b"".join(response) if response.streaming else response.content
    return body.decode("utf-8-sig", errors="replace")


def test_site_history_shows_an_answering_body_only_its_own_questions(client, logged, answerer):
    client.force_login(answerer)
    response = client.get(SITE_HISTORY)
    assert response.status_code == 200
    html = text_of(response)
    assert logged["ours"].tracking_code in html
    assert "Phân công cho Sở Tư pháp" in html
    for code in others(logged):
        assert code not in html
    assert "Sở Y tế" not in html
    assert SECRET_REASON not in html
    # Filtering by name or by action cannot reach them either (the form echoes the name typed).
    by_name = text_of(
        client.get(SITE_HISTORY + "results/", {"label": logged["theirs"].tracking_code})
    )
    assert "Phân công cho" not in by_name
    by_action = text_of(client.get(SITE_HISTORY + "results/", {"action": "dialogue.reject"}))
    assert logged["refused"].tracking_code not in by_action
    assert SECRET_REASON not in by_action


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_site_history_export_of_an_answering_body_holds_only_its_own(
    client, logged, answerer, export
):
    client.force_login(answerer)
    response = client.get(SITE_HISTORY, {"export": export})
    assert response.status_code == 200
    if export == "csv":
        rows = list(csv.reader(io.StringIO(text_of(response))))
    else:
        body = b"".join(response) if response.streaming else response.content
        sheet = load_workbook(io.BytesIO(body)).active
        rows = [[str(cell or "") for cell in row] for row in sheet.iter_rows(values_only=True)]
    labels = [row[1] for row in rows[1:]]
    assert logged["ours"].tracking_code in labels
    for code in others(logged):
        assert code not in labels
    assert SECRET_REASON not in str(rows)


def test_moderator_and_superuser_still_see_the_whole_log(client, logged, moderator, admin_user):
    for user in (moderator, admin_user):
        client.force_login(user)
        html = text_of(client.get(SITE_HISTORY))
        for question in logged.values():
            if question is logged["fresh"]:
                continue
            assert question.tracking_code in html
        assert SECRET_REASON in html


def test_editor_sees_no_dialogue_line(client, logged, editor):
    client.force_login(editor)
    html = text_of(client.get(SITE_HISTORY))
    for question in logged.values():
        assert question.tracking_code not in html


def test_handling_page_history_is_the_questions_own(client, logged, answerer):
    client.force_login(answerer)
    html = text_of(client.get(f"{ADMIN_QUEUE}{logged['ours'].pk}/"))
    assert "Phân công cho Sở Tư pháp" in html
    assert "Sở Y tế" not in html


def test_log_lines_follow_the_question_when_it_is_reassigned(
    client, logged, answerer, other_answerer, moderator, agency
):
    workflow.assign(logged["theirs"], moderator, agency)
    client.force_login(answerer)
    assert logged["theirs"].tracking_code in text_of(client.get(SITE_HISTORY))
    client.force_login(other_answerer)
    html = text_of(client.get(SITE_HISTORY))
    assert logged["theirs"].tracking_code not in html
    assert logged["refused"].tracking_code in html


def test_question_lines_are_not_in_the_generic_model_log(logged):
    # Wagtail's generic log shows every line of a model to anyone with a permission on it.
    assert not ModelLogEntry.objects.filter(label=logged["ours"].tracking_code).exists()


def test_no_admin_view_shows_an_answering_body_another_agencys_question(
    client, logged, answerer, moderator
):
    """Every admin route, with the other agency's question id wherever a route takes one,
    and every page the answering body can open searched and exported too."""
    from tests.ops.test_permissions import (
        ARGUMENT,
        INTENTIONAL_500,
        SAMPLE_VALUES,
        route_patterns,
    )

    theirs = logged["theirs"]
    theirs.notes.create(author=moderator, text="Ghi chú riêng của Sở Y tế")
    secrets = [theirs.tracking_code, "Lê Văn Khác", SECRET_REASON, "Ghi chú riêng của Sở Y tế"]
    client.force_login(answerer)
    urls = set()
    for route in route_patterns():
        if not route.startswith("admin/") or "^" in route or "logout" in route:
            continue
        urls.add(
            "/"
            + ARGUMENT.sub(
                lambda match: str(SAMPLE_VALUES.get(match["converter"] or "str") or theirs.pk),
                route,
            )
        )
    reachable = []
    for url in sorted(urls - INTENTIONAL_500):
        response = client.get(url)
        assert response.status_code < 500, url
        body = text_of(response) if response.status_code == 200 else ""
        for secret in secrets:
            assert secret not in body, (url, secret)
        if response.status_code == 200 and "json" not in response.get("Content-Type", ""):
            reachable.append(url)
    assert SITE_HISTORY in reachable
    for url in reachable:
        # Search for one detail, look for another: the search box echoes what was typed.
        for params, secret in (
            ({"q": "Lê Văn Khác"}, theirs.tracking_code),
            ({"q": theirs.tracking_code}, "Lê Văn Khác"),
            ({"q": "Sở Y tế"}, theirs.tracking_code),
            ({"export": "csv"}, theirs.tracking_code),
        ):
            response = client.get(url, params)
            body = text_of(response) if response.status_code == 200 else ""
            assert secret not in body, (url, params)
            assert SECRET_REASON not in body, (url, params)


def test_migration_moves_lines_written_in_the_generic_log(question, moderator):
    import importlib

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    from dialogue.models import QuestionLogEntry

    migration = importlib.import_module("dialogue.migrations.0004_question_log")
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(question),
        object_id=str(question.pk),
        label=question.tracking_code,
        action="dialogue.reject",
        data={"reason": SECRET_REASON},
        timestamp=question.submitted_at,
        user=moderator,
    )
    migration.move_question_lines(apps, None)
    assert not ModelLogEntry.objects.filter(label=question.tracking_code).exists()
    moved = QuestionLogEntry.objects.get(question=question)
    assert (moved.action, moved.user, moved.data["reason"]) == (
        "dialogue.reject",
        moderator,
        SECRET_REASON,
    )
