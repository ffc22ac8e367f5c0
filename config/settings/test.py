"""Settings for the test suite: fast, isolated, no server needed.

With DATABASE_URL / REDIS_URL set, the same suite runs on PostgreSQL and Redis
(CI does both).
"""

import tempfile

from .base import *  # noqa: F403
from .base import CACHES

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="practice-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="practice-test-static-")
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Wagtail's background tasks (search index updates, reference index) run at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if CACHES["default"]["BACKEND"].startswith("django_redis"):
    # Each run gets its own key space so parallel runs never see each other's pages.
    run = f"test-{tempfile.mktemp(prefix='', dir='')}"
    CACHES["default"]["KEY_PREFIX"] = run
    CACHES["pages"]["KEY_PREFIX"] = run + ":pages"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Test helpers sign in without a request, which django-axes refuses; the
# tests of the lockout itself switch it back on.
AXES_ENABLED = False
