"""The files of drafts for comment: kept out of public reach, served only by the draft's page.

A draft not yet published, withdrawn, or under a view restriction (password, login, groups)
must not be downloadable by whoever has or guesses its file's link. So the draft's file and
its synthesis report live in a PrivateStorage (DOCUMENTS_PRIVATE_ROOT: outside MEDIA_ROOT, no
URL) and are served by the draft's own sub-routes, `<draft>/tep/du-thao/` and
`<draft>/tep/tong-hop/` (DraftPage): Wagtail routes only to live pages and runs its
view-restriction hook on every page it serves, so a file is shown to exactly those the page
is shown to.

Until migration documents.0005 these files were in the public media storage under `du-thao/`;
`move_to_private` moves them, keeping their names, so that page revisions naming them (an
unpublished draft's, an older one to revert to) stay right.
"""

import logging

from django.forms import ClearableFileInput

from ops.storage import PrivateStorage

logger = logging.getLogger(__name__)

# Where the public media storage kept drafts' files (DraftPage's upload_to).
PUBLIC_FOLDER = "du-thao"

_storage = PrivateStorage("DOCUMENTS_PRIVATE_ROOT")


def private_storage():
    return _storage


class PrivateFileInput(ClearableFileInput):
    """The admin's input for a draft's file: the current file links to the address the draft
    serves it at (the storage has no URL, and Django's input would fail asking for one)."""

    def is_initial(self, value):
        return bool(value and getattr(value, "name", ""))

    def format_value(self, value):
        return ServedFile(value) if self.is_initial(value) else None


class ServedFile:
    def __init__(self, field_file):
        self.field_file = field_file

    def __str__(self):
        return self.field_file.name.rsplit("/", 1)[-1]

    @property
    def url(self):
        return self.field_file.instance.file_url(self.field_file.field.name)


def stored_names(storage, folder=PUBLIC_FOLDER):
    """Every file under `folder` of `storage`, however deep; none if there is no folder."""
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}/{name}" for name in files]
    for directory in directories:
        names += stored_names(storage, f"{folder}/{directory}")
    return names


def move_to_private(names, public, private):
    """Move each named file from `public` into `private` under the same name; return the
    names moved. Safe to run again and after an interruption: the public copy is deleted
    only once the private one is whole, so while it exists it is the original (a copy left
    half-written in `private` is replaced). A name found in neither storage is logged and
    skipped: its draft's download answers 404."""
    moved = []
    for name in sorted(set(filter(None, names))):
        if not public.exists(name):
            if not private.exists(name):
                logger.warning("Draft file %s is missing; nothing to move", name)
            continue
        if private.exists(name):
            private.delete(name)
        with public.open(name, "rb") as source:
            saved = private.save(name, source)
        if saved != name:  # the name was taken meanwhile: keep the public copy, say so
            private.delete(saved)
            raise RuntimeError(f"Draft file {name} could not keep its name in private storage")
        public.delete(name)
        moved.append(name)
    return moved
