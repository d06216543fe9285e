import json

from django.utils import timezone
from wagtail.models import Page

from news.models import NewsPage
from tests.news.conftest import at, make_article, make_image

RESULTS_TABLE = {
    "table_caption": "Số liệu năm 2023",
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "data": [["Chỉ tiêu", "Số lượng"], ["Hồ sơ trực tuyến", "121.527"]],
}


def seed_article(news_index, categories):
    """The seed page: "Kết quả công tác xây dựng chính quyền điện tử năm 2023", by Hải Định."""
    image = make_image()
    article = make_article(
        news_index,
        categories["chinh-quyen-dien-tu"],
        "Kết quả xây dựng chính quyền điện tử năm 2023",
        at(2024, 10, 20, 8, 30),
        slug="ket-qua-chinh-quyen-dien-tu-2023",
        author="Hải Định",
        source="Sở Thông tin và Truyền thông",
        lead="Năm 2023 có 121.527 hồ sơ được nộp trực tuyến.",
        image=image,
        body=[
            ("heading", {"text": "Thủ tục hành chính", "level": "h2"}),
            ("paragraph", "<p>Toàn tỉnh có 2.106 thủ tục hành chính.</p>"),
            ("table", RESULTS_TABLE),
            (
                "image",
                {
                    "image": {"image": image, "decorative": False, "alt_text": "Quầy một cửa"},
                    "caption": "Bộ phận Một cửa tỉnh",
                    "credit": "",
                },
            ),
        ],
    )
    # A correction published later: "Ngày cập nhật" is the last published change.
    Page.objects.filter(pk=article.pk).update(last_published_at=at(2024, 10, 27, 10, 0))
    return NewsPage.objects.get(pk=article.pk)


def test_article_shows_lead_body_author_and_both_dates(client, news_index, categories):
    article = seed_article(news_index, categories)

    html = client.get(article.url).content.decode()

    assert "<h1>Kết quả xây dựng chính quyền điện tử năm 2023</h1>" in html
    assert "Năm 2023 có 121.527 hồ sơ được nộp trực tuyến." in html
    assert "Ngày đăng" in html and "08:30 20/10/2024" in html
    assert "Ngày cập nhật" in html and "27/10/2024" in html
    assert "Hải Định – Sở Thông tin và Truyền thông" in html
    assert "<h2>Thủ tục hành chính</h2>" in html
    assert "<caption>Số liệu năm 2023</caption>" in html and "121.527" in html
    assert "<figcaption>Bộ phận Một cửa tỉnh" in html and 'alt="Quầy một cửa"' in html
    assert 'href="/tin-tuc/chuyen-muc/chinh-quyen-dien-tu/">Chính quyền điện tử</a>' in html


def test_updated_date_follows_each_publication(client, news_index, categories):
    article = make_article(news_index, categories["thong-bao"], "Thông báo", at(2023, 5, 4))

    article.lead = "Đã sửa lại."
    article.save_revision().publish()

    html = client.get(article.url).content.decode()
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert "Ngày cập nhật" in html and today in html
    assert "04/05/2023" in html


def test_images_are_responsive_renditions_with_webp(client, news_index, categories):
    article = seed_article(news_index, categories)

    html = client.get(article.url).content.decode()

    assert 'type="image/webp"' in html
    assert "srcset=" in html and "480w" in html and "1200w" in html
    assert 'alt="Cán bộ tiếp nhận hồ sơ tại bộ phận một cửa"' in html


def test_other_news_puts_the_same_category_first_and_never_the_article(
    client, news_index, categories
):
    article = make_article(news_index, categories["thong-bao"], "Bài chính", at(2024, 5, 1))
    make_article(news_index, categories["thong-bao"], "Cùng chuyên mục", at(2023, 1, 1))
    for day in range(1, 8):  # newer articles of another category
        make_article(
            news_index, categories["cai-cach-hanh-chinh"], f"Tin khác {day}", at(2024, 6, day)
        )

    html = client.get(article.url).content.decode()
    other_news = html.split("Các tin khác", 1)[1].split("</section>", 1)[0]

    assert other_news.count('class="card card--news') == 6
    assert other_news.index("Cùng chuyên mục") < other_news.index("Tin khác 7")
    assert "Bài chính" not in other_news
    assert "Tin khác 1<" not in other_news  # the oldest of the others is left out


def test_share_links_and_print_view(client, news_index, categories):
    article = make_article(news_index, categories["thong-bao"], "Lịch tiếp dân", at(2024, 3, 1))

    html = client.get(article.url).content.decode()
    shared_url = "http%3A%2F%2Flocalhost%2Ftin-tuc%2Flich-tiep-dan%2F"
    assert f"facebook.com/sharer/sharer.php?u={shared_url}" in html
    assert 'href="?ban-in=1"' in html and "In bài viết" in html

    printed = client.get(article.url + "?ban-in=1")
    page = printed.content.decode()
    assert printed.status_code == 200
    assert 'href="/static/css/print.css"' in page and 'media="print"' not in page
    assert "<h1>Lịch tiếp dân</h1>" in page and "In trang này" in page
    assert '<meta name="robots" content="noindex, follow">' in page
    assert "Các tin khác" not in page


def test_opengraph_and_news_article_json_ld(client, news_index, categories):
    article = seed_article(news_index, categories)

    html = client.get(article.url).content.decode()

    assert '<meta property="og:type" content="article">' in html
    assert 'property="og:title" content="Kết quả xây dựng chính quyền điện tử năm 2023"' in html
    assert 'property="og:image" content="http://localhost/' in html
    data = json.loads(html.split('<script type="application/ld+json">', 1)[1].split("</script>")[0])
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Kết quả xây dựng chính quyền điện tử năm 2023"
    assert data["datePublished"] == "2024-10-20T08:30:00+07:00"
    assert data["dateModified"] == "2024-10-27T10:00:00+07:00"
    assert data["author"] == {"@type": "Person", "name": "Hải Định"}
    assert data["articleSection"] == "Chính quyền điện tử"


def test_json_ld_cannot_close_its_script_tag(client, news_index, categories):
    article = make_article(
        news_index,
        categories["thong-bao"],
        "Tiêu đề </script><script>alert(1)</script>",
        at(2024, 3, 1),
        slug="tieu-de-la",
    )

    html = client.get(article.url).content.decode()

    assert "<script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


def test_html_given_as_the_body_becomes_a_paragraph(client, news_index, categories):
    article = make_article(
        news_index, categories["thong-bao"], "Bài nhập", at(2024, 3, 1), body="<p>Nội dung cũ</p>"
    )

    assert article.body[0].block_type == "paragraph"
    assert "<p>Nội dung cũ</p>" in client.get(article.url).content.decode()
