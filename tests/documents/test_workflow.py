"""Documents follow the news workflow: editors write and submit, reviewers publish."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from documents.editorial import ensure_document_roles
from news.editorial import EDITORS, REVIEWERS, WORKFLOW

pytestmark = pytest.mark.django_db


def user_in(group, name):
    user = get_user_model().objects.create_user(username=name, password="x")
    user.groups.add(group)
    return user


def test_editors_write_and_reviewers_publish_documents(index_page):
    editors, reviewers = ensure_document_roles()
    ensure_document_roles()  # running again changes nothing
    assert editors.name == EDITORS and reviewers.name == REVIEWERS
    editor, reviewer = user_in(editors, "btv"), user_in(reviewers, "nd")

    as_editor = index_page.permissions_for_user(editor)
    as_reviewer = index_page.permissions_for_user(reviewer)
    assert as_editor.can_add_subpage() and not as_editor.can_publish_subpage()
    assert as_reviewer.can_publish_subpage()
    assert index_page.get_workflow().name == WORKFLOW
    assert editor.has_perm("documents.view_documenttype")
    assert not editor.has_perm("documents.add_documenttype")
    assert reviewer.has_perm("documents.change_issuer")
    assert reviewer.has_perm("documents.change_draftcomment")
    assert not editor.has_perm("documents.change_draftcomment")


def test_an_editor_opens_the_document_form_in_the_admin(client, index_page):
    editors, _reviewers = ensure_document_roles()
    editor = user_in(editors, "btv")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(f"/admin/pages/add/documents/legaldocumentpage/{index_page.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Số, ký hiệu" in html and "Tệp đính kèm" in html and "Văn bản liên quan" in html
    assert 'enctype="multipart/form-data"' in html
