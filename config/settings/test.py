"""Settings for the test suite: fast, isolated, no server needed.

With DATABASE_URL / REDIS_URL set, the same suite runs on PostgreSQL and Redis
(CI does both).
"""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, SQLITE_ENGINE

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
if DATABASES["default"]["ENGINE"] in ("django.db.backends.sqlite3", SQLITE_ENGINE):
    # A test database in a file, as production has, not Django's shared in-memory
    # one: there the live server's threads and the test's own thread hold separate
    # connections to one shared cache, and whichever touches a table the other is
    # reading fails at once with "database table is locked" (SQLite's busy
    # timeout does not apply to shared-cache locks). With a file, each waits its turn.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.mkdtemp(prefix="practice-test-db-")) / "test.sqlite3")}
if "cache" in DATABASES:
    # In one test process a local-memory cache behaves as the shared one and
    # is rolled back by nothing; tests/test_page_cache_workers.py runs real
    # gunicorn workers on the shared SQLite cache.
    del DATABASES["cache"]
    DATABASE_ROUTERS = []
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
        "renditions": CACHES["renditions"],
    }
elif CACHES["default"]["BACKEND"].startswith("django_redis"):
    # Each run gets its own key space so parallel runs never see each other's pages.
    run = f"test-{tempfile.mktemp(prefix='', dir='')}"
    CACHES["default"]["KEY_PREFIX"] = run
    CACHES["pages"]["KEY_PREFIX"] = run + ":pages"
PUBLIC_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Test helpers sign in without a request, which django-axes refuses; the
# tests of the lockout itself switch it back on.
AXES_ENABLED = False
# Page-view counts are written at once, so a test can read them straight after a request.
INSIGHTS_FLUSH_SECONDS = 0
