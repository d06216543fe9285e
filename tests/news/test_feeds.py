import xml.etree.ElementTree as ET  # noqa: S405 - parses the portal's own feed and sitemap

from tests.news.conftest import at, make_article, quick_article

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def parse(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 - our own output, not untrusted XML


def test_rss_feed_parses_and_has_the_latest_articles(client, news_index, categories):
    for day in range(1, 26):
        quick_article(news_index, categories["thong-bao"], f"Tin số {day}", at(2024, 2, day))

    response = client.get("/tin-tuc/rss/")
    channel = parse(response).find("channel")
    items = channel.findall("item")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert channel.findtext("title") == "Tin tức"
    assert channel.findtext("language") == "vi"
    assert len(items) == 20
    assert [item.findtext("title") for item in items[:3]] == ["Tin số 25", "Tin số 24", "Tin số 23"]
    assert items[0].findtext("link") == "http://testserver/tin-tuc/tin-so-25/"
    assert items[0].findtext("category") == "Thông báo"
    assert items[0].findtext("pubDate").endswith("+0700")


def test_category_feed_has_only_that_category(client, news_index, categories):
    make_article(news_index, categories["thong-bao"], "Thông báo lịch", at(2024, 2, 1))
    make_article(news_index, categories["cai-cach-hanh-chinh"], "Một cửa", at(2024, 2, 2))

    channel = parse(client.get("/tin-tuc/chuyen-muc/thong-bao/rss/")).find("channel")

    assert channel.findtext("title") == "Tin tức – Thông báo"
    assert [item.findtext("title") for item in channel.findall("item")] == ["Thông báo lịch"]
    assert client.get("/tin-tuc/chuyen-muc/khong-co/rss/").status_code == 404


def test_feed_escapes_article_text(client, news_index, categories):
    make_article(
        news_index,
        categories["thong-bao"],
        "Dấu <b> & ký tự",
        at(2024, 2, 1),
        slug="dau-ky-tu",
        lead="Tóm tắt <script>x</script>",
    )

    item = parse(client.get("/tin-tuc/rss/")).find("channel/item")

    assert item.findtext("title") == "Dấu <b> & ký tự"
    assert item.findtext("description") == "Tóm tắt &lt;script&gt;x&lt;/script&gt;"


def test_articles_are_in_the_sitemap(client, news_index, categories):
    make_article(news_index, categories["thong-bao"], "Trong sơ đồ", at(2024, 2, 1))

    root = parse(client.get("/sitemap.xml"))
    entries = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.findall(f"{SITEMAP}url")
    }

    assert "http://localhost/tin-tuc/trong-so-do/" in entries
    assert entries["http://localhost/tin-tuc/trong-so-do/"]  # lastmod: the last publication
