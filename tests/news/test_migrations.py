"""Upgrading a site that already holds articles from before categories and the StreamField body.

On PostgreSQL, moving the rows and then altering the same table inside one transaction fails
("cannot ALTER TABLE … because it has pending trigger events"): this is what an existing
install meets on its first upgrade, so it is run here against the real database.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("news", "0001_initial")]
AFTER = [("news", "0003_page_depth_path_index")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


# serialized_rollback: the tables filled by data migrations are refilled for the tests after.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_articles_written_before_the_streamfield_survive_the_upgrade():
    apps = migrate(BEFORE)
    try:
        upgrade_an_old_article(apps)
    finally:
        migrate(AFTER)  # whatever happened, later tests need the current schema


def upgrade_an_old_article(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    NewsIndexPage = apps.get_model("news", "NewsIndexPage")
    NewsPage = apps.get_model("news", "NewsPage")
    index_type, _ = ContentType.objects.get_or_create(app_label="news", model="newsindexpage")
    page_type, _ = ContentType.objects.get_or_create(app_label="news", model="newspage")
    # An earlier transactional test may have emptied the tables the data migrations filled.
    locale, _ = apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="vi")
    index = NewsIndexPage.objects.create(
        title="Tin tức cũ",
        slug="tin-tuc-cu",
        path="0001ZZZ0",
        depth=2,
        numchild=1,
        content_type=index_type,
        url_path="/tin-tuc-cu/",
        locale=locale,
    )
    NewsPage.objects.create(
        title="Huế đón khách",
        slug="hue-don-khach",
        path="0001ZZZ00001",
        depth=3,
        content_type=page_type,
        url_path="/tin-tuc-cu/hue-don-khach/",
        live=True,
        locale=locale,
        author="Hải Định",
        body="<p>Cố đô đón <b>khách</b>.</p>",
    )
    apps = migrate(AFTER)
    article = apps.get_model("news", "NewsPage").objects.get(slug="hue-don-khach")
    assert article.author == "Hải Định"
    blocks = list(article.body.raw_data)
    assert [block["type"] for block in blocks] == ["paragraph"]
    assert blocks[0]["value"] == "<p>Cố đô đón <b>khách</b>.</p>"
    assert article.listed_in_id == index.pk
