""" "Bạn có hài lòng với thông tin này không?" (Decree 42/2022 Art. 8d)."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import override_settings

from home.models import PageRating, StandardPage
from tests.conftest import add_page


@pytest.fixture
def guide(home_page):
    return add_page(home_page, StandardPage, title="Hướng dẫn", slug="huong-dan")


def rate(client, page, answer, address="203.0.113.7", origin="http://testserver"):
    return client.post(
        f"/danh-gia/{page.pk}/", {"hai_long": answer}, REMOTE_ADDR=address, HTTP_ORIGIN=origin
    )


def test_content_pages_carry_the_widget_and_home_does_not(client, guide):
    inner = client.get("/huong-dan/").content.decode()
    home = client.get("/").content.decode()

    assert "Bạn có hài lòng với thông tin này không?" in inner
    assert f'<form method="post" action="/danh-gia/{guide.pk}/">' in inner
    assert "Bạn có hài lòng" not in home


def test_an_answer_is_stored_per_page_and_thanked(client, guide):
    response = rate(client, guide, "co")
    rate(client, guide, "khong", address="198.51.100.2")

    assert response.status_code == 302
    assert response["Location"] == "/huong-dan/?danh_gia=cam-on#danh-gia"
    assert list(PageRating.objects.values_list("page_id", "satisfied").order_by("pk")) == [
        (guide.pk, True),
        (guide.pk, False),
    ]
    thanks = client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn đã đánh giá!" in thanks


def test_the_visitor_address_is_not_stored(client, guide):
    rate(client, guide, "co", address="203.0.113.7")

    stored = PageRating.objects.get()
    assert "203.0.113.7" not in stored.visitor
    assert len(stored.visitor) == 32


def test_a_missing_or_odd_answer_is_a_400(client, guide):
    for answer in ("", "maybe", "<script>"):
        response = rate(client, guide, answer)
        assert response.status_code == 400
        assert "Vui lòng chọn “Có” hoặc “Không”" in response.content.decode()
    assert not PageRating.objects.exists()


def test_pages_without_the_widget_and_unknown_pages_are_404(client, home_page, guide):
    assert rate(client, home_page, "co").status_code == 404
    assert client.post("/danh-gia/999999/", {"hai_long": "co"}).status_code == 404
    guide.unpublish()
    assert rate(client, guide, "co").status_code == 404
    assert not PageRating.objects.exists()


def test_only_post_is_accepted(client, guide):
    assert client.get(f"/danh-gia/{guide.pk}/").status_code == 405


def test_cross_site_posts_are_refused(client, guide):
    forged = rate(client, guide, "co", origin="https://evil.example")
    headerless = client.post(f"/danh-gia/{guide.pk}/", {"hai_long": "co"})
    null_origin = rate(client, guide, "co", origin="null")
    foreign_referer = client.post(
        f"/danh-gia/{guide.pk}/", {"hai_long": "co"}, HTTP_REFERER="https://evil.example/x"
    )

    for response in (forged, headerless, null_origin, foreign_referer):
        assert response.status_code == 403
        assert "phải được gửi từ trang của cổng thông tin" in response.content.decode()
    assert not PageRating.objects.exists()


def test_same_site_referer_is_enough_without_origin(client, guide):
    response = client.post(
        f"/danh-gia/{guide.pk}/", {"hai_long": "co"}, HTTP_REFERER="http://testserver/huong-dan/"
    )

    assert response.status_code == 302
    assert PageRating.objects.count() == 1


def test_pages_with_the_widget_stay_in_the_page_cache(client, guide):
    first = client.get("/huong-dan/")
    second = client.get("/huong-dan/")

    assert "csrftoken" not in first.cookies
    assert first["X-Page-Cache"] == "MISS"
    assert second["X-Page-Cache"] == "HIT"
    assert "Bạn có hài lòng với thông tin này không?" in second.content.decode()


@override_settings(RATING_MAX_PER_HOUR=3)
def test_rate_limited_per_visitor_with_a_vietnamese_429(client, guide, home_page):
    other = add_page(home_page, StandardPage, title="Khác", slug="khac")
    statuses = [rate(client, page, "co").status_code for page in (guide, other, guide)]

    limited = rate(client, other, "khong")
    someone_else = rate(client, other, "khong", address="198.51.100.9")

    assert statuses == [302, 302, 302]
    assert limited.status_code == 429
    assert "Bạn đã gửi nhiều đánh giá trong thời gian ngắn" in limited.content.decode()
    assert someone_else.status_code == 302
    assert PageRating.objects.count() == 4


def test_admin_report_summarises_ratings_per_page(client, guide, home_page, django_user_model):
    other = add_page(home_page, StandardPage, title="Cơ cấu tổ chức", slug="co-cau")
    for answer, address in [("co", "1.1.1.1"), ("co", "1.1.1.2"), ("khong", "1.1.1.3")]:
        rate(client, guide, answer, address=address)
    rate(client, other, "khong", address="1.1.1.4")
    admin = django_user_model.objects.create_superuser("bbt", "bbt@example.vn", "x")
    client.force_login(admin)

    html = client.get("/admin/reports/danh-gia/").content.decode()

    assert "Đánh giá thông tin" in html
    assert html.index("Hướng dẫn") < html.index("Cơ cấu tổ chức")
    assert "67%" in html
    assert "0%" in html


def test_report_needs_the_view_permission(client, guide, django_user_model):
    editor = django_user_model.objects.create_user("editor", "e@example.vn", "x")
    editors = Group.objects.create(name="Biên tập thử")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(editors)
    client.force_login(editor)

    assert client.get("/admin/reports/danh-gia/").status_code in (302, 403)

    editors.permissions.add(Permission.objects.get(codename="view_pagerating"))
    assert client.get("/admin/reports/danh-gia/").status_code == 200
