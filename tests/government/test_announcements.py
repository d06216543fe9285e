"""Thông báo, Thông cáo báo chí: valid dates, the list and detail pages, the home page slot
(kept current on the cached home page), and the spokesperson page (Decree 09/2017)."""

import datetime
import json
import time

import pytest
from django.utils import timezone

from government.models import Announcement, AnnouncementIndexPage, Spokesperson, SpokespersonPage
from tests.conftest import add_page

# The admin's rich text editor posts Draftail's JSON.
RICH_TEXT = json.dumps(
    {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "depth": 0,
                "text": "Nội dung",
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
)


@pytest.fixture
def notices(home_page):
    return add_page(home_page, AnnouncementIndexPage, title="Thông báo", slug="thong-bao")


def announce(title, starts=-1, ends=None, kind="thong-bao", unit=datetime.timedelta(days=1)):
    now = timezone.now()
    return Announcement.objects.create(
        kind=kind,
        title=title,
        body="<p>Nội dung.</p>",
        valid_from=now + starts * unit,
        valid_until=now + ends * unit if ends is not None else None,
    )


def test_the_list_shows_what_is_valid_and_the_archive_what_ended(client, notices):
    valid = announce("Lịch tiếp công dân tháng 12", ends=10)
    press = announce("Kết quả phiên họp thường kỳ", kind="thong-cao-bao-chi")
    ended = announce("Tạm ngừng tiếp nhận hồ sơ", starts=-10, ends=-1)
    future = announce("Nghỉ Tết Nguyên đán", starts=3)

    html = client.get("/thong-bao/").content.decode()
    assert valid.title in html and press.title in html
    assert ended.title not in html and future.title not in html
    only_press = client.get("/thong-bao/?loai=thong-cao-bao-chi").content.decode()
    assert press.title in only_press and valid.title not in only_press
    archive = client.get("/thong-bao/?het-hieu-luc=1").content.decode()
    assert ended.title in archive and valid.title not in archive

    assert client.get(f"/thong-bao/{valid.pk}/").status_code == 200
    assert "Hết hiệu lực" in client.get(f"/thong-bao/{ended.pk}/").content.decode()
    assert client.get(f"/thong-bao/{future.pk}/").status_code == 404
    assert valid.get_absolute_url() == f"/thong-bao/{valid.pk}/"


def test_bad_parameters(client, notices):
    assert client.get("/thong-bao/?loai=khac").status_code == 400
    assert client.get("/thong-bao/?trang=abc").status_code == 400
    assert client.get("/thong-bao/?trang=5").status_code == 404
    assert client.get("/thong-bao/99999/").status_code == 404


def test_home_page_lists_valid_announcements(client, notices):
    announce("Lịch tiếp công dân tháng 12", ends=10)
    announce("Tạm ngừng tiếp nhận hồ sơ", starts=-10, ends=-1)
    html = client.get("/").content.decode()
    section = html[html.index('aria-labelledby="thong-bao-moi"') :]
    assert "Lịch tiếp công dân tháng 12" in section
    assert "Tạm ngừng tiếp nhận hồ sơ" not in html
    assert 'href="/thong-bao/"' in section


def test_an_announcement_leaves_the_cached_home_page_at_its_end(client, notices, settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    from ops.pagecache import page_cache

    page_cache().clear()
    announce("Thông báo ngắn hạn", starts=-1, ends=2, unit=datetime.timedelta(seconds=1))
    assert "Thông báo ngắn hạn" in client.get("/").content.decode()
    time.sleep(2.2)

    response = client.get("/")

    assert response["X-Page-Cache"] == "HIT"
    assert "Thông báo ngắn hạn" not in response.content.decode()
    page_cache().clear()


def test_end_before_start_is_refused():
    now = timezone.now()
    item = Announcement(title="x", body="<p>x</p>", valid_from=now, valid_until=now)
    with pytest.raises(Exception, match="Ngày hết hiệu lực phải sau ngày bắt đầu"):
        item.full_clean()


def test_spokesperson_page(client, notices):
    page = SpokespersonPage(title="Người phát ngôn", slug="nguoi-phat-ngon")
    page.spokespersons = [
        Spokesperson(
            name="Hồ Văn Sơn",
            position="Chánh Văn phòng UBND tỉnh",
            role="Người được giao nhiệm vụ phát ngôn",
            phone="0234 3822 530",
            email="vp@example.gov.vn",
        )
    ]
    notices.add_child(instance=page)
    page.save_revision().publish()

    html = client.get("/thong-bao/nguoi-phat-ngon/").content.decode()
    assert "Hồ Văn Sơn" in html and "Chánh Văn phòng UBND tỉnh" in html
    assert '<a href="tel:02343822530">0234 3822 530</a>' in html
    assert "Người phát ngôn" in client.get("/thong-bao/").content.decode()


def test_admin_adds_an_announcement(admin_client, notices):
    response = admin_client.post(
        "/admin/chinh-quyen/thong-bao/add/",
        {
            "kind": "thong-cao-bao-chi",
            "number": "12/TCBC",
            "title": "Thông cáo báo chí số 12",
            "issued_by": "UBND tỉnh",
            "summary": "",
            "body": RICH_TEXT,
            "valid_from_0": "2026-12-01",
            "valid_from_1": "08:00",
            "valid_from": "2026-12-01 08:00",
            "valid_until": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Announcement.objects.filter(title="Thông cáo báo chí số 12").exists()


def test_sitemap_lists_started_announcements(client, notices):
    started = announce("Lịch tiếp công dân tháng 12", ends=10)
    future = announce("Nghỉ Tết Nguyên đán", starts=3)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/thong-bao/{started.pk}/</loc>" in xml
    assert f"/thong-bao/{future.pk}/</loc>" not in xml


def test_each_announcement_and_the_archive_have_their_own_canonical(client, notices):
    """Routed sub-pages of /thong-bao/ never claim the list's address; the archive of ended
    announcements is another list than the valid ones (a filter by kind is not)."""
    import re

    valid = announce("Lịch tiếp công dân tháng 12", ends=10)
    expected = {
        f"/thong-bao/{valid.pk}/": f"http://localhost/thong-bao/{valid.pk}/",
        "/thong-bao/?loai=thong-bao": "http://localhost/thong-bao/",
        "/thong-bao/?het-hieu-luc=1": "http://localhost/thong-bao/?het-hieu-luc=1",
    }
    for url, own in expected.items():
        html = client.get(url).content.decode()
        assert re.findall(r'<link rel="canonical" href="([^"]*)"', html) == [own], url
        assert re.findall(r'<meta property="og:url" content="([^"]*)"', html) == [own], url
