"""Uploads when the disk is full: a clear Vietnamese answer and nothing half-saved.

`FileSystemStorage` leaves a partly written file behind when the disk fills mid-write;
`CleanFileSystemStorage` removes it, and so does `PrivateStorage`, the same storage rooted
outside MEDIA_ROOT for files that only a view checking who asks may hand out. The database
rows that would have pointed to the file are written in the same transaction as the file and
roll back with it. A view that hits the limit then answers 507 (ops.errors.storage_full)
instead of a stack trace.
"""

import errno
import logging
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage

logger = logging.getLogger(__name__)

STORAGE_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def is_storage_full(error):
    return isinstance(error, OSError) and error.errno in STORAGE_FULL


class CleanFileSystemStorage(FileSystemStorage):
    """FileSystemStorage that never leaves a partial file when writing fails."""

    def _save(self, name, content):
        before = self._existing(name)
        try:
            return super()._save(name, content)
        except OSError:
            # Django wrote to a name that did not exist before (O_EXCL): whatever is there now
            # is our partial copy.
            partial = self.path(name)
            if not before and os.path.exists(partial):
                os.remove(partial)
                logger.warning("Removed the partial upload %s after a write error", name)
            raise

    def _existing(self, name):
        try:
            return os.path.exists(self.path(name))
        except Exception:  # noqa: BLE001 - a bad name is reported by the save itself
            return False


class PrivateStorage(CleanFileSystemStorage):
    """Files outside MEDIA_ROOT, with no URL: neither nginx nor Django's media serving can
    hand them out, only a view that decides who may have them. Rooted at the directory the
    setting `root_setting` names, read when used (tests point it elsewhere)."""

    def __init__(self, root_setting):
        super().__init__()
        self.root_setting = root_setting

    @property
    def base_location(self):
        return str(getattr(settings, self.root_setting))

    @property
    def location(self):
        return self.base_location

    @property
    def base_url(self):
        return None


class StorageFullMiddleware:
    """A view that hits a full disk or quota answers 507 with a Vietnamese page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from ops import errors

        if is_storage_full(exception):
            logger.error("Storage full while serving %s: %s", request.path, exception)
            return errors.storage_full(request)
        return None
