from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage
from news.models import NewsPage


def test_demo_data_builds_a_walkable_portal(client, db):
    call_command("load_demo_data", verbosity=0)

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    html = client.get("/").content.decode()
    for section in ("Tin tức", "Thủ tục hành chính", "Trao đổi và tháo gỡ", "Liên hệ"):
        assert section in html
    assert NewsPage.objects.live().count() >= 4
    assert client.get("/tin-tuc/").status_code == 200
    assert client.get("/lien-he/").status_code == 200


def test_demo_data_twice_changes_nothing(db):
    call_command("load_demo_data", verbosity=0)
    pages_after_first = sorted(Page.objects.values_list("url_path", "latest_revision_id"))

    call_command("load_demo_data", verbosity=0)

    assert sorted(Page.objects.values_list("url_path", "latest_revision_id")) == pages_after_first
