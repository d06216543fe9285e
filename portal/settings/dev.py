"""Local development: the embedded default (SQLite, database search) over plain HTTP."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403

ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
