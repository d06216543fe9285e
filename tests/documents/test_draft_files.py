"""A draft's file and its synthesis report are private to those the draft's page is shown to.

They are kept outside MEDIA_ROOT and served only at `<draft>/tep/du-thao/` and
`<draft>/tep/tong-hop/`, through Wagtail's routing (live pages) and its view-restriction hook:
an unpublished draft's files are a 404, a password-protected draft's files ask for the
password, a login-restricted draft's files send to the login page.

The links are taken from the page as an entitled visitor sees it and followed as another
visitor would; a link under MEDIA_URL is answered as nginx answers it in production (any file
under MEDIA_ROOT, to anyone), so a file left in the public media is caught.
"""

import datetime
import importlib
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404, HttpResponseNotFound
from django.test import Client, RequestFactory
from django.views.static import serve
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from documents.draft_files import move_to_private, private_storage, stored_names
from documents.models import ConsultationIndexPage, DraftPage
from documents.models.documents import today
from tests.conftest import add_page
from tests.documents.conftest import docx_bytes, pdf_bytes

pytestmark = pytest.mark.django_db
PDF = pdf_bytes("Du thao quy che")
DOCX = docx_bytes("Bao cao tong hop")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# (the draft's field, its address under the draft, the link text, the downloaded name, type)
FILES = {
    "draft_file": ("tep/du-thao/", "Tải về tệp dự thảo", "du-thao-quy-che-mot-cua.pdf"),
    "synthesis_file": (
        "tep/tong-hop/",
        "Tải về báo cáo tổng hợp",
        "bao-cao-tong-hop-du-thao-quy-che-mot-cua.docx",
    ),
}
CONTENT = {"draft_file": (PDF, "application/pdf"), "synthesis_file": (DOCX, DOCX_TYPE)}


@pytest.fixture
def draft(home_page):
    """A live draft whose consultation has ended, with its file and its synthesis."""
    index = add_page(home_page, ConsultationIndexPage, title="Lấy ý kiến", slug="lay-y-kien")
    day = today()
    page = add_page(
        index,
        DraftPage,
        title="Dự thảo quy chế một cửa",
        slug="du-thao-quy-che-mot-cua",
        opens_on=day - datetime.timedelta(days=30),
        closes_on=day - datetime.timedelta(days=1),
        drafting_agency="Sở Tư pháp",
        contact_name="Phòng Văn bản",
        contact_email="vanban@example.gov.vn",
        draft_file=ContentFile(PDF, "quy-che.pdf"),
        synthesis_file=ContentFile(DOCX, "bao-cao.docx"),
    )
    return DraftPage.objects.get(pk=page.pk)


def links(client, draft):
    """The download links of the draft's page as `client` sees it: {link text: address}."""
    html = client.get(draft.url).content.decode()
    return {
        text.strip(): href
        for href, text in re.findall(r'<a href="([^"]+)" download>([^<(]+)', html)
    }


def fetch(client, url):
    """What a visitor following `url` gets; under MEDIA_URL, what nginx serves to anyone."""
    if url.startswith(settings.MEDIA_URL):
        request = RequestFactory().get(url)
        name = url.removeprefix(settings.MEDIA_URL)
        try:
            return serve(request, name, document_root=settings.MEDIA_ROOT)
        except Http404:
            return HttpResponseNotFound()
    return client.get(url)


def is_file(response, content):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code == 200 and body == content


def files_under(root):
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.mark.parametrize("field", FILES)
def test_a_public_drafts_file_downloads_from_its_page_with_its_name_and_type(client, draft, field):
    address, text, name = FILES[field]
    content, content_type = CONTENT[field]
    url = links(client, draft)[text]
    assert url == draft.url + address

    response = fetch(client, url)
    assert is_file(response, content)
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    # Never kept by the page cache or a cache in front: who may have it is decided each time.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_files_are_not_in_the_public_media(client, draft):
    stored = [draft.draft_file.name, draft.synthesis_file.name]
    assert files_under(settings.MEDIA_ROOT) == []
    assert files_under(settings.DOCUMENTS_PRIVATE_ROOT) == sorted(n.rsplit("/")[-1] for n in stored)
    for name in stored:
        response = fetch(client, settings.MEDIA_URL + name)
        assert not is_file(response, PDF) and not is_file(response, DOCX)
    html = client.get(draft.url).content.decode()
    assert settings.MEDIA_URL not in html


@pytest.mark.parametrize("field", FILES)
def test_an_unpublished_drafts_files_are_not_found(client, draft, field):
    url = links(client, draft)[FILES[field][1]]
    draft.unpublish()
    response = fetch(client, url)
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


@pytest.mark.parametrize("field", FILES)
def test_a_password_protected_drafts_files_ask_for_the_password_then_download(client, draft, field):
    content, _ = CONTENT[field]
    restriction = PageViewRestriction.objects.create(
        page=draft, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau-du-thao"
    )
    url = draft.url + FILES[field][0]

    form = client.get(url)
    assert not is_file(form, content)
    action = f"/_util/authenticate_with_password/{restriction.pk}/{draft.pk}/"
    assert form.status_code == 200 and f'action="{action}"' in form.content.decode()
    assert not form.streaming and "Content-Disposition" not in form

    wrong = client.post(action, {"password": "sai", "return_url": url})
    assert not is_file(wrong, content)
    given = client.post(action, {"password": "mat-khau-du-thao", "return_url": url})
    assert given.status_code == 302 and given["Location"] == url
    assert is_file(client.get(url), content)

    # The link the entitled visitor sees is no key: anyone else is asked for the password.
    seen = links(client, draft)[FILES[field][1]]
    assert not is_file(fetch(Client(), seen), content)


@pytest.mark.parametrize("field", FILES)
def test_a_login_restricted_drafts_files_send_to_the_login_page(
    client, django_user_model, draft, field
):
    content, _ = CONTENT[field]
    PageViewRestriction.objects.create(page=draft, restriction_type=PageViewRestriction.LOGIN)
    url = draft.url + FILES[field][0]

    response = client.get(url)
    assert response.status_code == 302 and "/login" in response["Location"]
    assert not is_file(response, content)

    client.force_login(django_user_model.objects.create_user("canbo", password="x"))
    assert is_file(client.get(url), content)
    seen = links(client, draft)[FILES[field][1]]
    assert fetch(Client(), seen).status_code == 302


def test_a_missing_file_is_not_found_not_an_error(client, draft):
    private_storage().delete(draft.synthesis_file.name)
    response = client.get(draft.url + "tep/tong-hop/")
    assert response.status_code == 404 and "Không tìm thấy trang" in response.content.decode()
    DraftPage.objects.filter(pk=draft.pk).update(draft_file="")
    assert client.get(draft.url + "tep/du-thao/").status_code == 404


def test_the_move_takes_public_files_into_the_private_storage_once(tmp_path):
    public, private = storages["default"], private_storage()
    kept = public.save("du-thao/2024/05/quy-che.pdf", ContentFile(PDF))
    older = public.save("du-thao/2023/12/ban-cu.pdf", ContentFile(b"%PDF-1.4 old"))
    half = public.save("du-thao/2024/06/bao-cao.docx", ContentFile(DOCX))
    private.save(half, ContentFile(b"PK\x03"))  # a copy an interrupted run left half-written
    names = [*stored_names(public), "du-thao/2024/05/mat.pdf"]  # the last one is missing

    assert sorted(move_to_private(names, public=public, private=private)) == sorted(
        [kept, older, half]
    )
    assert files_under(settings.MEDIA_ROOT) == []
    for name, content in ((kept, PDF), (older, b"%PDF-1.4 old"), (half, DOCX)):
        with private.open(name, "rb") as moved:
            assert moved.read() == content
    assert move_to_private(names, public=public, private=private) == []  # again: nothing


def test_the_migration_moves_the_drafts_files_and_keeps_their_names(client, draft):
    """A draft uploaded before the change: its file in the public media, its row naming it."""
    public = storages["default"]
    old_name = public.save("du-thao/2024/05/cu.pdf", ContentFile(PDF))
    DraftPage.objects.filter(pk=draft.pk).update(draft_file=old_name)
    migration = importlib.import_module("documents.migrations.0005_draft_files_private")

    migration.to_private(apps, None)
    assert files_under(settings.MEDIA_ROOT) == []
    assert DraftPage.objects.get(pk=draft.pk).draft_file.name == old_name
    assert is_file(client.get(draft.url + "tep/du-thao/"), PDF)


def test_the_editor_sees_the_drafts_files_in_the_admin(client, django_user_model, draft):
    client.force_login(django_user_model.objects.create_superuser("admin", password="x"))
    response = client.get(f"/admin/pages/{draft.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<a href="{draft.url}tep/du-thao/">quy-che.pdf</a>' in html
    assert f'<a href="{draft.url}tep/tong-hop/">bao-cao.docx</a>' in html


def test_a_file_the_editor_uploads_is_private_and_served_by_the_draft(
    client, django_user_model, draft
):
    client.force_login(django_user_model.objects.create_superuser("admin", password="x"))
    upload = SimpleUploadedFile("du-thao-sua-doi.pdf", PDF, content_type="application/pdf")
    form = nested_form_data(
        {
            "title": draft.title,
            "slug": draft.slug,
            "summary": "",
            "body": rich_text("<p>Nội dung</p>"),
            "draft_file": upload,
            "opens_on": draft.opens_on.isoformat(),
            "closes_on": draft.closes_on.isoformat(),
            "drafting_agency": draft.drafting_agency,
            "contact_name": draft.contact_name,
            "contact_email": draft.contact_email,
            "contact_phone": "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/{draft.pk}/edit/", form)
    assert response.status_code == 302, response.context["form"].errors
    name = DraftPage.objects.get(pk=draft.pk).draft_file.name
    assert name.endswith("du-thao-sua-doi.pdf")
    assert (settings.DOCUMENTS_PRIVATE_ROOT / name).exists()
    assert "du-thao-sua-doi.pdf" not in files_under(settings.MEDIA_ROOT)
    assert is_file(Client().get(draft.url + "tep/du-thao/"), PDF)
