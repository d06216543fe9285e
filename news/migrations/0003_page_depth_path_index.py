from django.db import migrations

# Wagtail finds a page's children with `depth = d AND path BETWEEN prefix… AND prefix…`, and
# wagtailcore_page only indexes `path`: with 100,000 articles under the news index, listing the
# home page's few children (the main menu, on every page) scanned every article, ~100 ms.
# A (depth, path) index answers it directly. Plain SQL that runs on PostgreSQL and SQLite.
CREATE = "CREATE INDEX IF NOT EXISTS news_page_depth_path_idx ON wagtailcore_page (depth, path)"
DROP = "DROP INDEX IF EXISTS news_page_depth_path_idx"


class Migration(migrations.Migration):

    dependencies = [
        ("news", "0002_categories_streamfield_body"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP)]
