"""Page slugs are plain ASCII from Vietnamese titles, on save and in the admin's page form."""

import html
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.admin.widgets.slug import SlugInput
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import querydict_from_html

from home.models import StandardPage
from home.slugs import AsciiSlugMixin, VietnameseSlugInput
from news.models import NewsCategory
from portal.vietnamese import slugify
from tests.conftest import add_page


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Khánh thành cầu đi bộ", "khanh-thanh-cau-di-bo"),
        ("Tỉnh Đồng Tháp", "tinh-dong-thap"),
        ("Ủy ban nhân dân: ưu tiên số 1!", "uy-ban-nhan-dan-uu-tien-so-1"),
        ("  Lễ hội -- Huế  2026 ", "le-hoi-hue-2026"),
        ("Nguyễn Thị Ngọc Ánh", "nguyen-thi-ngoc-anh"),
        # Decomposed text (base letter + combining marks) folds the same way.
        ("Tie\u0302\u0301ng Vie\u0323\u0302t", "tieng-viet"),
    ],
)
def test_slugify_folds_vietnamese_to_ascii(title, slug):
    assert slugify(title) == slug


def test_every_portal_page_type_folds_its_slug():
    portal_pages = [
        m for m in get_page_models() if m is not Page and m._meta.app_label != "wagtailcore"
    ]
    portal_pages = [m for m in portal_pages if not m.__module__.startswith("wagtail.")]
    assert portal_pages
    assert [m.__name__ for m in portal_pages if not issubclass(m, AsciiSlugMixin)] == []


def test_page_saved_without_a_slug_gets_the_folded_title(home_page):
    page = home_page.add_child(instance=StandardPage(title="Khánh thành cầu đi bộ"))
    page.refresh_from_db()
    assert page.slug == "khanh-thanh-cau-di-bo"
    assert page.url_path.endswith("/khanh-thanh-cau-di-bo/")


def test_second_page_with_the_same_title_is_numbered(home_page):
    home_page.add_child(instance=StandardPage(title="Tỉnh Đồng"))
    second = home_page.add_child(instance=StandardPage(title="Tỉnh Đồng"))
    assert second.slug == "tinh-dong-2"


def test_unicode_slug_is_folded_on_save(home_page):
    page = home_page.add_child(instance=StandardPage(title="Trang", slug="đường-phố-huế"))
    page.refresh_from_db()
    assert page.slug == "duong-pho-hue"
    assert page.url == "/duong-pho-hue/"


def test_draft_with_unicode_slug_is_folded(home_page):
    page = home_page.add_child(instance=StandardPage(title="Bản nháp", slug="bản-nháp", live=False))
    page.refresh_from_db()
    assert page.slug == "ban-nhap"


def test_given_slug_that_clashes_is_refused_in_vietnamese(home_page):
    home_page.add_child(instance=StandardPage(title="Một", slug="dong"))
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        home_page.add_child(instance=StandardPage(title="Hai", slug="đồng"))
    assert "Đường dẫn 'dong' đã được một trang khác" in str(refused.value)


def admin_script_slug(title, formatters=None):
    """What the w-slug controller's urlify makes of `title`: the widget's formatters in order,
    then (WAGTAIL_ALLOW_UNICODE_SLUGS off) only ASCII word characters, spaces to hyphens."""
    if formatters is None:
        formatters = json.loads(VietnameseSlugInput().attrs["data-w-slug-formatters-value"])
    for (pattern, _flags), replacement in formatters:
        title = re.sub(pattern, replacement, title)
    title = re.sub(r"[^-\w\s]", "", title.lower(), flags=re.ASCII)
    return re.sub(r"[-\s]+", "-", title).strip("-")


@pytest.mark.parametrize("title", ["Tỉnh Đồng", "Khánh thành cầu đi bộ", "Ủy ban ưu tiên ỹ ữ ặ"])
def test_slug_widget_folds_like_the_server(title):
    assert admin_script_slug(title) == slugify(title)
    assert issubclass(VietnameseSlugInput, SlugInput)


def test_page_editor_slug_field_folds_and_refuses_clash(client, home_page):
    home_page.add_child(instance=StandardPage(title="Khánh thành cầu đi bộ"))
    editor = get_user_model().objects.create_superuser("bientap-slug", "b@example.vn", "x")
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home_page.pk))
    html = client.get(add_url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'data-w-slug-formatters-value="' in html
    # WAGTAIL_ALLOW_UNICODE_SLUGS = False: Django leaves the false attribute out.
    assert "data-w-slug-allow-unicode-value" not in html

    with translation.override("vi"):
        response = client.post(
            add_url,
            {
                "title": "Khánh thành cầu đi bộ",
                "slug": "khanh-thanh-cau-di-bo",
                "action-publish": "1",
            },
            HTTP_ACCEPT_LANGUAGE="vi",
        )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Đường dẫn &#x27;khanh-thanh-cau-di-bo&#x27; đã được một trang khác" in body


CLASH = "Đường dẫn &#x27;le-hoi-duong-pho&#x27; đã được một trang khác"


def test_slug_held_by_an_autosaved_draft_is_refused_in_vietnamese(client, home_page):
    """An editor's new page, autosaved and never published, already holds its slug: another
    editor who saves, publishes or autosaves a page with that slug, or renames a live page to
    it, is told so in Vietnamese and nothing is created; never a 500."""
    users = get_user_model().objects
    first = users.create_superuser("bientap-nhap", "nhap@example.vn", "x")
    second = users.create_superuser("bientap-khac", "khac@example.vn", "x")
    add_url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home_page.pk))
    fields = {"title": "Lễ hội đường phố", "slug": "le-hoi-duong-pho"}

    client.force_login(first)
    form = querydict_from_html(client.get(add_url).content.decode(), form_id="page-edit-form")
    form.update(fields)
    autosaved = client.post(add_url, form, HTTP_ACCEPT="application/json")
    assert autosaved.status_code == 200 and autosaved.json()["success"] is True
    draft = StandardPage.objects.get(slug="le-hoi-duong-pho")
    assert not draft.live and draft.first_published_at is None

    client.force_login(second)
    other = add_page(home_page, StandardPage, title="Lễ hội", slug="le-hoi")
    edit_url = reverse("wagtailadmin_pages:edit", args=(other.pk,))
    edit_form = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    edit_form.update(fields)
    with translation.override("vi"):
        saved = client.post(add_url, form, HTTP_ACCEPT_LANGUAGE="vi")
        published = client.post(add_url, {**form.dict(), "action-publish": "1"})
        autosave = client.post(add_url, form, HTTP_ACCEPT="application/json")
        renamed = client.post(edit_url, {**edit_form.dict(), "action-publish": "1"})

    for response in (saved, published, renamed):
        assert response.status_code == 200
        assert CLASH in response.content.decode()
    assert autosave.status_code == 400
    assert (
        autosave.json()["error_message"]
        == "Có lỗi trong nội dung nhập; bấm lưu để tô sáng các lỗi."
    )
    assert StandardPage.objects.filter(title="Lễ hội đường phố").count() == 1
    other.refresh_from_db()
    assert other.slug == "le-hoi" and other.live


def test_snippet_slug_fields_fold_too(client, db):
    editor = get_user_model().objects.create_superuser("bientap-slug", "b@example.vn", "x")
    client.force_login(editor)
    html = client.get(reverse(NewsCategory.snippet_viewset.get_url_name("add"))).content.decode()
    assert "data-w-slug-formatters-value" in html


def input_tag(page_html, name):
    """The rendered <input> of the form field `name`, and its attributes."""
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', page_html).group(0)
    return tag, {k: html.unescape(v) for k, v in re.findall(r'([\w-]+)="([^"]*)"', tag)}


def test_copy_page_form_folds_the_new_slug_as_the_editor_types(client, home_page):
    """Wagtail's copy form has its own plain SlugInput ("Tỉnh Đồng" -> "tnh-m-djng") and no
    title-to-slug sync; the portal's pages give it the folding widget and the sync."""
    page = home_page.add_child(instance=StandardPage(title="Khánh thành cầu đi bộ"))
    editor = get_user_model().objects.create_superuser("bientap-copy", "b@example.vn", "x")
    client.force_login(editor)
    copy_url = reverse("wagtailadmin_pages:copy", args=(page.pk,))
    page_html = client.get(copy_url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()

    _tag, slug = input_tag(page_html, "new_slug")
    _tag, title = input_tag(page_html, "new_title")
    assert slug["data-controller"] == "w-slug"
    assert slug["value"] == "khanh-thanh-cau-di-bo"
    formatters = json.loads(slug["data-w-slug-formatters-value"])
    assert admin_script_slug("Tỉnh Đồng khánh thành cầu", formatters) == "tinh-dong-khanh-thanh-cau"
    # The new title fills the new slug as it is typed, as in the page editor.
    assert title["data-controller"] == "w-sync"
    assert "keyup->w-sync#apply" in title["data-action"]
    assert title["data-w-sync-target-value"] == "#id_new_slug"

    response = client.post(
        copy_url,
        {
            "new_title": "Khánh thành cầu đi bộ (bản sao)",
            "new_slug": "khanh-thanh-cau-di-bo-ban-sao",
            "new_parent_page": home_page.pk,
        },
    )
    assert response.status_code == 302
    assert StandardPage.objects.filter(slug="khanh-thanh-cau-di-bo-ban-sao").exists()
