"""Local development and `make run`: the embedded default (SQLite, database search) over plain
HTTP, shown as visitors will see it: DEBUG off, so the portal's own 404 and 500 pages appear
instead of Django's debug pages, static files served by whitenoise straight from the source
folders (no collectstatic), media files by Django (SERVE_MEDIA). `DEBUG=true make run` brings
the debug pages back."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SERVE_MEDIA", "true")
# The demo's console shows requests and problems, not bookkeeping: Wagtail's page log (one
# line per page created, published or moved) and its redirect hooks, the page cache's purges,
# django-axes' start-up banner. Their warnings and errors still show.
os.environ.setdefault("LOG_QUIET", "wagtail,ops.pagecache,axes.apps")

from .base import *  # noqa: E402,F403

ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Static files from the app and project folders as they are edited, no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
