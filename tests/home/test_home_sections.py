"""The home page's sections from the other parts of the portal: news per category, recently
answered questions, key statistics; and the whole demo home page's query budget and cache."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dialogue import workflow
from dialogue.models import Agency, DialogueIndexPage, PublishedQuestion, Sector
from dialogue.permissions import ANSWERER_GROUP, MODERATOR_GROUP
from news.models import NewsCategory, NewsIndexPage, NewsPage
from procedures.models import ProcedureDirectoryPage
from stats.models import DossierStatistic, StatisticsPage
from tests.conftest import add_page
from tests.dialogue.conftest import make_question, make_user, publish
from tests.procedures.conftest import FIXTURE, import_file


def section(html, heading, end="</section>"):
    start = html.index(heading)
    return html[start : html.index(end, start)]


@pytest.fixture
def categorised_news(home_page):
    index = add_page(home_page, NewsIndexPage, title="Tin tức", slug="tin-tuc")
    reform = NewsCategory.objects.create(name="Cải cách hành chính", slug="cai-cach", sort_order=1)
    notices = NewsCategory.objects.create(name="Thông báo", slug="thong-bao", sort_order=2)
    NewsCategory.objects.create(name="Chuyên mục trống", slug="trong", sort_order=3)
    for day in range(1, 6):
        add_page(
            index,
            NewsPage,
            title=f"Cải cách ngày {day:02d}",
            slug=f"cai-cach-{day}",
            date=f"2024-10-{day:02d}T08:00:00+07:00",
            category=reform,
        )
    add_page(
        index,
        NewsPage,
        title="Thông báo tuyển dụng",
        slug="tuyen-dung",
        date="2024-09-01T08:00:00+07:00",
        category=notices,
    )
    return index


def test_latest_news_of_each_category_newest_first(client, categorised_news):
    html = client.get("/").content.decode()
    by_category = section(html, "Tin theo chuyên mục", 'class="home-side"')

    reform = by_category[by_category.index("Cải cách hành chính") : by_category.index("Thông báo")]
    assert re.findall(r"Cải cách ngày \d\d", reform) == [
        "Cải cách ngày 05",
        "Cải cách ngày 04",
        "Cải cách ngày 03",
    ]
    assert '<a href="/tin-tuc/chuyen-muc/cai-cach/">Cải cách hành chính</a>' in by_category
    assert '<a href="/tin-tuc/chuyen-muc/thong-bao/">Thông báo</a>' in by_category
    assert '<a href="/tin-tuc/tuyen-dung/">Thông báo tuyển dụng</a>' in by_category
    assert "Chuyên mục trống" not in by_category


def test_news_per_category_follows_publishing(client, categorised_news):
    NewsPage.objects.get(slug="cai-cach-5").unpublish()

    by_category = section(
        client.get("/").content.decode(), "Tin theo chuyên mục", 'class="home-side"'
    )

    assert "Cải cách ngày 05" not in by_category
    assert "Cải cách ngày 02" in by_category


@pytest.fixture
def answers(home_page, django_user_model):
    add_page(home_page, DialogueIndexPage, title="Trao đổi và tháo gỡ", slug="trao-doi")
    sector = Sector.objects.create(name="Hộ tịch")
    leader = Agency.objects.create(name="Chủ tịch UBND tỉnh", kind=Agency.Kind.LEADER)
    agency = Agency.objects.create(name="Sở Tư pháp", email="stp@example.gov.vn")
    moderator = make_user(django_user_model, "kiemduyet", MODERATOR_GROUP)
    answerer = make_user(django_user_model, "sotuphap", ANSWERER_GROUP)
    agency.members.add(answerer)
    published = publish(
        make_question(sector, leader, title="Đăng ký khai sinh ở đâu?"),
        agency,
        moderator,
        answerer,
    )
    pending = make_question(sector, leader, title="Câu hỏi đang xử lý")
    workflow.assign(pending, moderator, agency)
    return published


def test_recently_answered_questions_link_to_their_answer(client, answers):
    html = client.get("/").content.decode()
    recent = section(html, "Câu hỏi mới được trả lời")
    publication = PublishedQuestion.objects.get()

    assert f'<a href="/trao-doi/{publication.pk}/">Đăng ký khai sinh ở đâu?</a>' in recent
    assert publication.answered_on.strftime("%d/%m/%Y") in recent
    assert "Câu hỏi đang xử lý" not in html
    assert "Trần Thị Bích Ngọc" not in html


def test_a_withdrawn_answer_leaves_the_home_page(client, answers, django_user_model):
    assert "Câu hỏi mới được trả lời" in client.get("/").content.decode()

    workflow.unpublish(answers, django_user_model.objects.get(username="kiemduyet"))

    assert "Câu hỏi mới được trả lời" not in client.get("/").content.decode()


@pytest.fixture
def figures(home_page):
    add_page(home_page, ProcedureDirectoryPage, title="Thủ tục hành chính", slug="thu-tuc")
    add_page(home_page, StatisticsPage, title="Thống kê", slug="thong-ke")
    assert import_file(FIXTURE).created == 84
    DossierStatistic.objects.create(
        year=2024, received=121527, resolved=120000, received_online=80000
    )
    DossierStatistic.objects.create(year=2023, received=1000, resolved=900, received_online=10)


def test_key_statistics_show_procedures_and_the_latest_dossier_year(client, figures):
    from procedures.models import Procedure

    fully_online = Procedure.objects.filter(online_level="toan_trinh").count()
    statistics = section(client.get("/").content.decode(), "Số liệu nổi bật")

    assert '<a href="/thu-tuc/">Thủ tục hành chính</a></dt>\n      <dd>84</dd>' in statistics
    assert 'href="/thu-tuc/?online=toan_trinh"' in statistics
    assert f"<dd>{fully_online}</dd>" in statistics
    assert '<a href="/thong-ke/">Hồ sơ tiếp nhận năm 2024</a>' in statistics
    assert "<dd>121.527</dd>" in statistics
    assert "98,7 %" in statistics  # 120.000 of 121.527 resolved


def test_new_dossier_figures_show_at_once(client, figures):
    client.get("/")
    DossierStatistic.objects.create(year=2025, received=5000, resolved=2500, received_online=1)

    statistics = section(client.get("/").content.decode(), "Số liệu nổi bật")

    assert "Hồ sơ tiếp nhận năm 2025" in statistics
    assert "50,0 %" in statistics or "50 %" in statistics


@pytest.fixture
def demo(db, settings):
    call_command("load_demo_data", verbosity=0)
    return settings


def test_demo_home_shows_every_section_in_at_most_15_queries(client, demo):
    demo.PAGE_CACHE_ENABLED = False
    client.get("/")  # warm per-process caches (content types, site root paths, figures)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    html = response.content.decode()

    assert response.status_code == 200
    assert len(queries) <= 15, [query["sql"][:120] for query in queries]
    for heading in (
        "Tin mới",
        "Tin nổi bật",
        "Tin theo chuyên mục",
        "Câu hỏi mới được trả lời",
        "Số liệu nổi bật",
        "Tra cứu thủ tục hành chính",
    ):
        assert heading in html, heading


def test_demo_home_is_served_from_the_page_cache(client, demo):
    demo.PAGE_CACHE_ENABLED = True
    first = client.get("/")
    second = client.get("/")

    assert first["X-Page-Cache"] == "MISS"
    assert second["X-Page-Cache"] == "HIT"
    assert second.content == first.content
    assert not first.cookies


def img_tags(html):
    return re.findall(r"<img [^>]*>", html)


def test_demo_home_pictures_have_sizes_and_only_the_lead_loads_at_once(client, demo):
    """The lead story's photo is above the fold (fetched at once, with priority); the category
    thumbnails below it load lazily; every picture reserves its box (width and height)."""
    html = client.get("/").content.decode()
    lead = section(html, 'class="home-lead"', "</article>")
    categories = html[html.index('class="home-categories-section"') :]
    blocks = categories.split('<section class="home-category"')[1:]

    [lead_image] = img_tags(lead)
    assert re.search(r'width="\d+"', lead_image) and re.search(r'height="\d+"', lead_image)
    assert 'fetchpriority="high"' in lead_image and 'loading="lazy"' not in lead_image
    assert len(blocks) >= 3
    for block in blocks:
        thumbnail = img_tags(block[: block.index("</article>")])
        assert len(thumbnail) == 1, block[:200]  # each category leads with a picture
        assert re.search(r'width="\d+"', thumbnail[0]), thumbnail
        assert re.search(r'height="\d+"', thumbnail[0]), thumbnail
        assert 'loading="lazy"' in thumbnail[0], thumbnail
        assert re.search(r'alt="[^"]+"', thumbnail[0]), thumbnail  # a real alt text
