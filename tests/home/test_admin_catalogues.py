"""The admin's scripts speak Vietnamese, and the compiled catalogues say what the .po files say.

Much of the page editor is drawn in the browser: the autosave message, the "Checks" panel,
StreamField's block buttons, the rich text toolbar's block picker, comments, the sidebar's
search. Those strings come from Wagtail's `djangojs` catalogue, served at /admin/jsi18n/,
which Wagtail 8 ships with only 22 of its strings in Vietnamese; `locale/vi/.../djangojs.po`
adds the rest. The .mo files are committed (nothing compiles them at install or test time),
so a .po edited without recompiling would silently change nothing: a test compares them.
"""

import ast
import gettext
import json
import re
from pathlib import Path

import wagtail
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"
WAGTAIL_JS_SOURCE = Path(wagtail.__file__).parent / "admin/locale/en/LC_MESSAGES/djangojs.po"
# Strings with nothing to translate: Vietnamese reads them as English does.
SAME_IN_VIETNAMESE = {"%(time_zone_option)s: %(localized_time_zone_label)s"}


def po_entries(path):
    """{msgid: [msgstr, ...]} of a .po file (plural entries keyed by their singular msgid)."""
    entries, msgid, strings, current = {}, None, [], None

    def close():
        if msgid:  # the header has an empty msgid
            entries[msgid] = strings

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("msgid "):
            close()
            msgid, strings = ast.literal_eval(line[6:]), []
            current = "msgid"
        elif line.startswith("msgid_plural "):
            current = "plural"
        elif line.startswith("msgstr"):
            strings.append(ast.literal_eval(line.split(" ", 1)[1]))
            current = "msgstr"
        elif line.startswith('"'):
            if current == "msgid":
                msgid += ast.literal_eval(line)
            elif current == "msgstr":
                strings[-1] += ast.literal_eval(line)
    close()
    return entries


def served_catalogue(client):
    """The catalogue /admin/jsi18n/ hands the admin's scripts, as they will read it."""
    response = client.get("/admin/jsi18n/")
    assert response.status_code == 200
    body = response.content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});\n", body, re.S).group(1))


def test_every_wagtail_script_string_is_served_in_vietnamese(admin_client):
    catalogue = served_catalogue(admin_client)
    wagtail_strings = po_entries(WAGTAIL_JS_SOURCE)
    assert len(wagtail_strings) > 80  # Wagtail 8.0's admin scripts: 87 strings

    untranslated = [
        msgid
        for msgid in wagtail_strings
        if not catalogue.get(msgid)
        or (catalogue[msgid] == msgid and msgid not in SAME_IN_VIETNAMESE)
    ]
    assert untranslated == []


def test_what_an_editor_reads_in_the_page_editor(admin_client):
    catalogue = served_catalogue(admin_client)
    dashboard = admin_client.get("/admin/").content.decode()

    assert 'src="/admin/jsi18n/"' in dashboard  # the admin loads this very catalogue
    # Autosave, the unsaved-changes reload, the Checks panel, StreamField, the rich text toolbar.
    assert catalogue["Autosave in progress…"] == "Đang tự động lưu…"
    assert catalogue["Changes have been autosaved."] == "Đã tự động lưu các thay đổi."
    assert catalogue["Reload saved content"] == "Tải lại nội dung đã lưu"
    assert catalogue["%(num)s min"] == ["%(num)s phút"]  # reading time, a plural
    assert catalogue["Move up"] == "Chuyển lên"
    assert catalogue["Insert a block"] == "Chèn khối"
    assert catalogue["Alt text"] == "Văn bản thay thế"
    # The portal's file overrides a wrong Wagtail translation ("Xóa lỗi": "delete the error")
    # and keeps Wagtail's right ones it does not repeat.
    assert catalogue["Delete error"] == "Lỗi khi xóa"
    assert catalogue["Add"] == "Thêm"


def test_compiled_catalogues_match_their_sources():
    for domain in ("django", "djangojs"):
        with open(LOCALE / f"{domain}.mo", "rb") as compiled:
            catalog = gettext.GNUTranslations(compiled)._catalog
        for msgid, strings in po_entries(LOCALE / f"{domain}.po").items():
            found = [catalog.get(msgid)] if len(strings) == 1 else None
            if found is None or found == [None]:
                found = [catalog.get((msgid, n)) for n in range(len(strings))]
            assert found == strings, f"{domain}.mo is older than {domain}.po: {msgid!r}"


def test_rich_text_toolbar_is_vietnamese():
    """The names of the rich text toolbar's buttons (tooltips and the "/" block picker) come
    from Python, handed to the editor's script: every button a portal field offers is named
    in Vietnamese."""
    from django.utils import translation
    from wagtail.rich_text import features

    from news.blocks import PARAGRAPH_FEATURES

    offered = {*features.get_default_features(), *PARAGRAPH_FEATURES}
    plugins = {feature: features.get_editor_plugin("draftail", feature) for feature in offered}
    # A button's plugin carries its name; "hr" has none here (its script names it, djangojs).
    buttons = {f: p for f, p in plugins.items() if "description" in getattr(p, "data", {})}

    def names(language):
        with translation.override(language):
            return {f: str(plugin.data["description"]) for f, plugin in buttons.items()}

    english, vietnamese = names("en"), names("vi")
    assert [f for f in vietnamese if vietnamese[f] == english[f]] == []
    assert vietnamese["h4"] == "Tiêu đề 4"
    assert vietnamese["embed"] == "Nhúng nội dung"
