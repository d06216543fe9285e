from django.utils import formats, translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from dialogue.models import DialogueIndexPage
from documents.models import ConsultationIndexPage, DocumentIndexPage
from government.models import (
    AnnouncementIndexPage,
    OrganisationIndexPage,
    SpokespersonPage,
    WorkSchedulePage,
)
from home.models import ContactPage, HomePage, StandardPage
from news.models import NewsCategory, NewsIndexPage, NewsPage
from procedures.models import ProcedureDirectoryPage
from stats.models import StatisticsPage
from tests.conftest import add_page


class PageTreeRules(WagtailPageTestCase):
    def test_home_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_sections_hang_under_home(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                NewsIndexPage,
                DialogueIndexPage,
                ProcedureDirectoryPage,
                StandardPage,
                ContactPage,
                StatisticsPage,
                OrganisationIndexPage,
                WorkSchedulePage,
                AnnouncementIndexPage,
                SpokespersonPage,
                DocumentIndexPage,
                ConsultationIndexPage,
            },
        )

    def test_articles_only_under_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_contact_page_is_a_leaf(self):
        self.assertAllowedSubpageTypes(ContactPage, set())


def test_home_renders_in_vietnamese(client, home_page):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert "Bỏ qua, đến nội dung chính" in html


def test_contact_page_lists_officials(client, home_page):
    contact = ContactPage(title="Liên hệ", slug="lien-he", phone="0234 3822 527")
    contact.officials.create(name="Trần Thị B", title="Chánh Văn phòng", email="b@example.vn")
    home_page.add_child(instance=contact)
    contact.save_revision().publish()

    html = client.get("/lien-he/").content.decode()

    assert "Trần Thị B" in html
    assert "Chánh Văn phòng" in html
    assert "0234 3822 527" in html


def test_unknown_page_gives_a_vietnamese_404(client, home_page):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_article_lists_on_news_index_with_vietnamese_date(client, home_page):
    index = add_page(home_page, NewsIndexPage, title="Tin tức", slug="tin-tuc")
    category = NewsCategory.objects.create(name="Chính quyền điện tử", slug="chinh-quyen-dien-tu")
    add_page(
        index,
        NewsPage,
        title="Hồ sơ trực tuyến tăng",
        slug="ho-so",
        date="2024-10-27T08:30:00+07:00",
        category=category,
        body=[("paragraph", "<p>Nội dung</p>")],
    )

    html = client.get("/tin-tuc/").content.decode()

    assert "Hồ sơ trực tuyến tăng" in html
    assert "27/10/2024" in html


def test_numbers_and_dates_follow_vietnamese_style():
    with translation.override("vi"):
        assert formats.number_format(290365, use_l10n=True, force_grouping=True) == "290.365"
        assert formats.date_format(
            __import__("datetime").date(2024, 10, 27), "SHORT_DATE_FORMAT"
        ) == ("27/10/2024")
