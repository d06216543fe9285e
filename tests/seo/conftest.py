"""Builders for the SEO tests: one of each section (news, dialogue, procedures), made with
the sections' own builders."""

import pytest

from procedures.models import ProcedureDirectoryPage
from tests.conftest import add_page
from tests.dialogue.conftest import (  # noqa: F401 - fixtures
    agency,
    answerer,
    leader,
    make_question,
    moderator,
    publish,
    section,
    sector,
)
from tests.news.conftest import at, categories, make_article, news_index  # noqa: F401
from tests.procedures.conftest import import_file


@pytest.fixture
def sections(request, home_page):
    """84 procedures under a directory page, one article, one published answer (returned)
    and one question still waiting for its answer."""
    fixture = request.getfixturevalue
    import_file("procedures/fixtures/procedures-sample.jsonl")
    add_page(
        home_page, ProcedureDirectoryPage, title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh"
    )
    notices = fixture("categories")["thong-bao"]
    make_article(fixture("news_index"), notices, "Một tin", at(2024, 10, 27), lead="Tóm tắt.")
    fixture("section")
    field, addressee = fixture("sector"), fixture("leader")
    make_question(field, addressee, title="Câu hỏi đang chờ trả lời")
    question = make_question(field, addressee, title="Đăng ký khai sinh")
    published = publish(question, fixture("agency"), fixture("moderator"), fixture("answerer"))
    return published.publication
