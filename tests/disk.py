"""A disk that fills up in the middle of writing a file, for the upload drills."""

import errno

import django.core.files.storage.filesystem as filesystem


class _FillingFile:
    """A file that takes the first bytes it is given, then reports a full disk."""

    def __init__(self, real, room):
        self.real, self.room = real, room

    def write(self, data):
        self.real.write(data[: self.room])
        self.real.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self.real.__exit__(*exc)


class _FullDiskOs:
    """Django's file storage sees this `os`: every file it opens fills the disk."""

    def __init__(self, real, room):
        self.real, self.room = real, room

    def fdopen(self, fd, *args, **kwargs):
        return _FillingFile(self.real.fdopen(fd, *args, **kwargs), self.room)

    def __getattr__(self, name):
        return getattr(self.real, name)


def fill_the_disk(monkeypatch, room=16):
    """From now on, files saved by Django's storage stop after `room` bytes with ENOSPC."""
    monkeypatch.setattr(filesystem, "os", _FullDiskOs(filesystem.os, room))


def files_under(path):
    return sorted(p for p in path.rglob("*") if p.is_file()) if path.exists() else []
