"""The test suite: whatever DATABASE_URL / ELASTICSEARCH_URL name, made fast."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("SECURE_COOKIES", "false")

from .base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".cache" / "test-media"  # noqa: F405
DOCUMENTS_PRIVATE_ROOT = BASE_DIR / ".cache" / "test-private" / "documents"  # noqa: F405
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", "test-portal")  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
# Client.login() authenticates without a request, which django-axes refuses; the lockout
# itself is tested with the setting switched back on (tests/ops/test_security.py).
AXES_ENABLED = False
# Production gives up on Elasticsearch after 2 s; on a loaded shared CI machine a healthy
# server can be slower than that, which would turn into flaky fallbacks in tests.
ELASTICSEARCH_TIMEOUT = float(env("ELASTICSEARCH_TIMEOUT", "15"))  # noqa: F405
# Tests post the question form directly; the captcha's own tests switch it on
# (tests/dialogue/test_captcha.py).
DIALOGUE_CAPTCHA = False
