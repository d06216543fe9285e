"""Cảnh báo khẩn: on every page, cached ones too, within 5 s of publishing; gone at its end
time with nobody acting; `role="alert"` only at the highest level; nothing moves."""

import datetime
import re
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from government.models import EmergencyBanner
from home.models import StandardPage
from tests.conftest import add_page
from tests.home.builders import english_home

TEXT = "Bão số 5 đổ bộ: người dân vùng trũng thấp di chuyển đến nơi an toàn."


@pytest.fixture
def cached_pages(settings, home_page):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    add_page(home_page, StandardPage, title="Hướng dẫn", slug="huong-dan")
    from ops.pagecache import page_cache

    page_cache().clear()
    yield
    page_cache().clear()


def publish_banner(**fields):
    banner = EmergencyBanner.load()
    values = {"enabled": True, "level": "khan-cap", "text": TEXT, "link": "https://example.vn/bao"}
    values.update(fields)
    for name, value in values.items():
        setattr(banner, name, value)
    banner.full_clean()
    banner.save()
    return banner


def wait_for(client, path, predicate, limit=8.0):
    """Poll `path` until `predicate(response)`; returns (response, seconds waited)."""
    started = time.monotonic()
    while True:
        response = client.get(path)
        elapsed = time.monotonic() - started
        if predicate(response) or elapsed > limit:
            return response, elapsed
        time.sleep(0.2)


def test_banner_appears_on_a_cached_page_within_5_seconds(client, cached_pages):
    client.get("/huong-dan/")
    cached = client.get("/huong-dan/")
    assert cached["X-Page-Cache"] == "HIT"
    assert TEXT not in cached.content.decode()

    publish_banner()
    response, elapsed = wait_for(client, "/huong-dan/", lambda r: TEXT in r.content.decode())

    assert TEXT in response.content.decode()
    assert elapsed <= 5
    assert response["X-Page-Cache"] == "HIT"  # the page itself was never purged
    html = response.content.decode()
    assert 'class="emergency-banner emergency-banner--khan-cap" role="alert"' in html
    assert '<a href="https://example.vn/bao">Xem chi tiết</a>' in html
    assert (
        int(response["Content-Length"]) == len(response.content)
        if response.has_header("Content-Length")
        else True
    )


def test_banner_disappears_at_its_end_time_by_itself(client, cached_pages):
    publish_banner(ends_at=timezone.now() + datetime.timedelta(seconds=2))
    shown = client.get("/")
    assert TEXT in shown.content.decode()
    client.get("/")

    response, elapsed = wait_for(client, "/", lambda r: TEXT not in r.content.decode())

    assert TEXT not in response.content.decode()
    assert elapsed <= 2 + 1
    assert response["X-Page-Cache"] == "HIT"
    # and it stays gone
    assert TEXT not in client.get("/huong-dan/").content.decode()


def test_banner_waits_for_its_start_time(client, cached_pages):
    publish_banner(starts_at=timezone.now() + datetime.timedelta(seconds=1.5))
    assert TEXT not in client.get("/").content.decode()
    response, elapsed = wait_for(client, "/", lambda r: TEXT in r.content.decode())
    assert TEXT in response.content.decode()


def test_only_the_highest_level_is_an_alert(client, home_page):
    publish_banner(level="canh-bao")
    html = client.get("/").content.decode()
    assert 'class="emergency-banner emergency-banner--canh-bao"' in html
    assert 'role="alert"' not in html
    assert "Cảnh báo:" in html


def test_english_pages_show_the_english_text(client, home_page):
    english_home(home_page)
    publish_banner(text_en="Storm No. 5: move to safety.", level="thong-tin")
    english = client.get("/en/").content.decode()
    assert "Storm No. 5: move to safety." in english
    assert "Information:" in english or "Thông tin:" in english
    assert TEXT in client.get("/").content.decode()


def test_switched_off_or_empty_shows_nothing(client, home_page):
    publish_banner(enabled=False)
    assert "emergency-banner" not in client.get("/").content.decode()
    banner = EmergencyBanner.load()
    banner.enabled = True
    banner.text = ""
    with pytest.raises(Exception, match="Nhập nội dung cảnh báo"):
        banner.full_clean()


def test_banner_text_is_escaped(client, home_page):
    from tests.xss import assert_inert

    publish_banner(text="<script>alert(1)</script><img src=x onerror=alert(1)>", level="thong-tin")
    assert_inert(client.get("/").content.decode())


def test_nothing_blinks_or_moves():
    css = (Path(django_settings.BASE_DIR) / "static" / "css" / "government.css").read_text()
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    for moving in ("animation", "transition", "blink", "marquee", "@keyframes"):
        assert moving not in rules
    template = (
        Path(django_settings.BASE_DIR) / "templates" / "government" / "includes"
    ) / "emergency_banner.html"
    assert "marquee" not in template.read_text()


def test_admin_edits_the_banner(admin_client, home_page):
    url = admin_client.get("/admin/settings/government/emergencybanner/")["Location"]
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "enabled": "on",
            "level": "khan-cap",
            "text": TEXT,
            "text_en": "",
            "link": "",
            "starts_at": "",
            "ends_at": "",
        },
    )
    assert response.status_code == 302
    assert EmergencyBanner.load().is_showing()
