"""A backup restores into a fresh PostgreSQL database with every row, media and private file."""

import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from news.models import NewsIndexPage, NewsPage
from tests.conftest import add_page

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def content(home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "quyet-dinh.pdf").write_bytes(b"%PDF-1.4 test")
    settings.DOCUMENTS_PRIVATE_ROOT = tmp_path / "private" / "documents"
    settings.DIALOGUE_ATTACHMENT_ROOT = tmp_path / "private" / "dialogue"
    (settings.DOCUMENTS_PRIVATE_ROOT / "du-thao" / "2026" / "12").mkdir(parents=True)
    (settings.DOCUMENTS_PRIVATE_ROOT / "du-thao" / "2026" / "12" / "du-thao.pdf").write_bytes(
        b"%PDF-1.4 draft"
    )
    (settings.DIALOGUE_ATTACHMENT_ROOT / "2026" / "12").mkdir(parents=True)
    (settings.DIALOGUE_ATTACHMENT_ROOT / "2026" / "12" / "a1.png").write_bytes(b"\x89PNG")
    index = add_page(home_page, NewsIndexPage, title="Tin tức", slug="tin-tuc")
    for number in range(3):
        add_page(index, NewsPage, title=f"Bài {number}", body="<p>Nội dung</p>")
    return tmp_path / "backups"


def backup_folder(target):
    return next(Path(target).glob("portal-*"))


def test_backup_restores_into_a_fresh_database_with_the_same_counts(content, capsys):
    call_command("backup_portal", str(content), "--verify")

    out = capsys.readouterr().out
    manifest = json.loads((backup_folder(content) / "manifest.json").read_text())
    assert "Restore verified" in out
    assert manifest["tables"]["wagtailcore_page"] == Page.objects.count()
    assert manifest["tables"]["news_newspage"] == 3
    assert manifest["media_files"] == 1
    # Files kept out of the public media (drafts', citizens') are in the backup too, in the
    # layout of /srv/portal/private that site/BACKUP.md restores them into.
    assert manifest["private_files"] == 2
    with tarfile.open(backup_folder(content) / "private.tar.gz") as archive:
        assert sorted(archive.getnames()) == [
            "dialogue/2026/12/a1.png",
            "documents/du-thao/2026/12/du-thao.pdf",
        ]


def test_a_restore_that_lost_rows_is_reported(content):
    call_command("backup_portal", str(content))
    manifest_path = backup_folder(content) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["tables"]["news_newspage"] += 1  # the backup claims a row the dump lacks
    manifest_path.write_text(json.dumps(manifest))

    with pytest.raises(CommandError, match="news_newspage: backup 4, restored 3"):
        call_command("verify_restore", str(backup_folder(content)))
