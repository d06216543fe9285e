"""The admin reads in Vietnamese for every role that works in it.

Wagtail 8 ships few Vietnamese strings; `locale/vi` completes them for the screens an editor,
a reviewer, a moderator and an answering body use. This crawl logs in as each demo account
(the same ones `make run` prints), opens those screens and fails on English words in what
the editor reads or hears: the visible text, tooltips and aria-labels, and what Wagtail draws
from JSON (the sidebar menu, the editor's Checks panel), so a Wagtail upgrade that adds or
rewords strings shows up here. The scripts' own strings are tested in test_admin_catalogues.py.
"""

import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from dialogue.models import Question
from news.models import NewsPage

# Words and phrases that only appear on a screen Wagtail left in English. Each is matched as
# whole words, case-sensitively, in visible text (not in attributes, scripts or styles).
ENGLISH = [
    "Password",
    "Remember me",
    "Sign in",
    "Log out",
    "Dashboard",
    "Pages",
    "Images",
    "Documents",
    "Reports",
    "Workflows",
    "Settings",
    "Search",
    "Save draft",
    "Publish",
    "Submit",
    "Edit",
    "Delete",
    "Add child page",
    "Upload",
    "Choose",
    "Title",
    "Status",
    "Updated",
    "ago",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "year",
    "years",
    "Your",
    "Recent",
    "Sort",
    "Filter",
    "Cancel",
    "Draft",
    "Live",
    "Locked",
    "Usage count",
    "Collection",
    "Tags",
    "Apply",
    "Next",
    "Previous",
    "Preview",
    "History",
    "Comments",
    "Account",
    "Help",
    "Profile",
    "Notifications",
    "Enter",
    "There are no",
    "No results",
    "Side panel",
    "Anyone can edit",
    "Referenced",
    "Minimum",
    "Maximum",
    "Newest",
    "Oldest",
    "Create",
    "File size",
    "Filesize",
    "Page",
    "of",
    "the",
    "and",
    "your",
    "is",
    "are",
    # Sidebar items, tooltips, labels read aloud and the editor's Checks panel.
    "Aging pages",
    "Workflow tasks",
    "Site history",
    "Shortcuts",
    "Bulk delete",
    "selected",
    "Toggle",
    "Close dialog",
    "Visit the live page",
    "Preview in",
    "empty",
    "found",
    "Use",
]
WORDS = re.compile(r"(?<![\w/])(" + "|".join(map(re.escape, ENGLISH)) + r")(?![\w/])")


class VisibleText(HTMLParser):
    """What an editor reads or hears: text nodes, placeholders, tooltips (title) and labels
    read aloud (aria-label) outside <script>, <style> and <template>; and the labels of the
    screens Wagtail draws from JSON: the sidebar menu and the editor's Checks panel."""

    HIDDEN = {"script", "style", "template"}
    READ = ("placeholder", "title", "aria-label")
    # <script type="application/json"> ids whose strings appear on screen, and their keys.
    DRAWN = {
        "wagtail-sidebar-props": {"label"},
        "checker-axe-configuration": {"error_name", "help_text"},
    }

    def __init__(self):
        super().__init__()
        self.hidden = 0
        self.drawn = None
        self.parts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.HIDDEN:
            self.hidden += 1
        if tag == "script":
            self.drawn = self.DRAWN.get(attrs.get("id"))
        self.parts += [attrs[name] for name in self.READ if attrs.get(name)]

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1
        self.drawn = None

    def handle_data(self, data):
        if self.drawn:
            self.parts += labels_in(json.loads(data), self.drawn)
        elif not self.hidden and data.strip():
            self.parts.append(" ".join(data.split()))


def labels_in(value, keys):
    """The strings stored under `keys` anywhere in decoded JSON."""
    if isinstance(value, dict):
        found = [value[key] for key in keys if isinstance(value.get(key), str)]
        return found + [text for item in value.values() for text in labels_in(item, keys)]
    if isinstance(value, list):
        return [text for item in value for text in labels_in(item, keys)]
    return []


def english_in(html):
    parser = VisibleText()
    parser.feed(html)
    return [part for part in parser.parts if WORDS.search(part)]


@pytest.fixture
def demo(db):
    call_command("load_demo_data", verbosity=0)
    call_command("ensure_demo_accounts", stdout=io.StringIO())
    return {user.username: user for user in get_user_model().objects.all()}


def screens():
    article = NewsPage.objects.live().order_by("pk").first()
    image = get_image_model().objects.order_by("pk").first()
    document = get_document_model().objects.order_by("pk").first()
    pages = [
        "/admin/",
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=(article.get_parent().pk,)),
        reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        reverse("wagtailadmin_pages:history", args=(article.pk,)),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtailimages:edit", args=(image.pk,)),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtaildocs:edit", args=(document.pk,)),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_account"),
        "/admin/trao-doi/cau-hoi/",
        reverse("editor_guide"),
    ]
    question = Question.objects.order_by("pk").first()
    if question is not None:
        pages.append(f"/admin/trao-doi/cau-hoi/{question.pk}/")
    return pages


# Each role must reach the screens of its job; the rest may be refused, never a 500.
MUST_OPEN = {
    "bientap": {"/admin/", "wagtailadmin_pages:edit", "wagtailimages:index", "wagtaildocs:index"},
    "duyet": {"/admin/", "wagtailadmin_pages:edit", "wagtailadmin_reports:workflow"},
    "kiemduyet": {"/admin/", "/admin/trao-doi/cau-hoi/"},
    "traloi": {"/admin/", "/admin/trao-doi/cau-hoi/"},
}


def test_login_page_is_vietnamese(client, db):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert english_in(html) == []
    assert "Mật khẩu" in html and "Ghi nhớ đăng nhập" in html
    assert 'placeholder="Nhập Tên đăng nhập của bạn"' in html


def test_admin_screens_of_each_role_are_vietnamese(client, demo):
    # One demo load for the four roles: loading it takes minutes on a busy machine.
    found, missing = {}, []
    for role, must_open in MUST_OPEN.items():
        client.force_login(demo[role])
        opened = set()
        for url in screens():
            response = client.get(url, follow=True)
            assert response.status_code in (200, 403, 404), (role, url, response.status_code)
            if response.status_code != 200 or response.redirect_chain:
                continue  # refused: Wagtail sends the role back to the dashboard
            opened.add(url)
            english = english_in(response.content.decode())
            if english:
                found[role, url] = sorted(set(english))
        missing += [(role, need) for need in must_open if reverse_or_none(need, opened) is None]
    assert missing == []
    assert found == {}


def reverse_or_none(name, opened):
    """The opened URL a route name stands for (routes with arguments match by prefix)."""
    if name.startswith("/"):
        return name if name in opened else None
    for url in opened:
        try:
            if url == reverse(name):
                return url
        except Exception:
            prefix = reverse(name, args=(0,)).rsplit("/0/", 1)[0]
            if url.startswith(prefix):
                return url
    return None


def test_the_editors_guide_is_in_the_help_menu_and_covers_each_job(client, django_user_model):
    editor = django_user_model.objects.create_user("bientap", "b@example.vn", "x", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    dashboard = client.get("/admin/").content.decode()
    assert reverse("editor_guide") in dashboard  # the Help menu lists it
    guide = client.get(reverse("editor_guide")).content.decode()
    for section in (
        "Gửi duyệt",
        "văn bản thay thế",
        "Duyệt và xuất bản",
        "phân công",
        "Che thông tin",
    ):
        assert section in guide, section
    assert english_in(guide) == []


def test_users_groups_and_workflow_screens_are_vietnamese(client, db):
    administrator = get_user_model().objects.create_superuser("quantri", "q@example.vn", "x")
    client.force_login(administrator)
    urls = [
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=(administrator.pk,)),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailusers_groups:add"),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:add"),
        reverse("wagtailadmin_workflows:task_index"),
    ]
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        english = set(english_in(response.content.decode()))
        if english:
            found[url] = sorted(english)
    groups_add = client.get(reverse("wagtailusers_groups:add")).content.decode()
    workflow_add = client.get(reverse("wagtailadmin_workflows:add")).content.decode()

    assert found == {}
    assert "Quyền với trang" in groups_add
    assert "<h3>Kết quả tìm kiếm đề xuất</h3>" in groups_add  # a permission row, was English
    assert "Thêm bước vào quy trình" in workflow_add
    # The breadcrumb back to the workflow list and the page chooser's label.
    assert re.search(r'href="/admin/workflows/list/">\s*Quy trình duyệt\s*<', workflow_add)
    assert re.search(r'id="id_pages-0-page-label">\s*Trang<', workflow_add)


def test_admin_script_strings_are_vietnamese():
    """What Wagtail hands its admin scripts (wagtailConfig.STRINGS): the bulk-action bar."""
    from django.utils import translation
    from wagtail.admin.localization import get_js_translation_strings

    with translation.override("vi"):
        bulk = get_js_translation_strings()["BULK_ACTIONS"]

    texts = [text for kind in bulk.values() for text in kind.values()]
    assert [text for text in texts if WORDS.search(text) or "selected" in text] == []
    assert bulk["PAGE"]["PLURAL"] % {"objects": 3} == "Đã chọn 3 trang"
