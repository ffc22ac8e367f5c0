"""Security headers, production checks and admin login throttling."""

import os
import subprocess
import sys

from django.conf import settings as django_settings
from django.test import Client

from tests.helpers import soup


def test_public_pages_carry_the_security_headers(client, demo):
    response = client.get("/about/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_pages_have_no_inline_script(client, demo):
    for url in ("/", "/about/", "/services/", "/blog/", "/contact/", "/search/?q=walk"):
        page = soup(client.get(url))
        for script in page.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", f"inline script on {url}"


def test_admin_keeps_working_under_the_policy(editor_client, demo):
    response = editor_client.get("/admin/pages/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response, "Wagtail's editor needs inline script; only staff see it"


def test_check_deploy_is_clean_with_production_settings():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production",
           "SECRET_KEY": "k" * 20 + "-Zq8vX2pL0wN5rT7yU1iO3aS6dF9gH4jK", "ALLOWED_HOSTS": "example.org",
           "EMAIL_HOST": "smtp.example.org", "PUBLIC_URL": "https://example.org"}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests for their own process only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_repeated_failed_logins_lock_the_account_for_a_while(db, django_user_model, settings):
    settings.AXES_ENABLED = True
    django_user_model.objects.create_superuser("therapist", "t@example.org", "the-right-password-123")
    browser = Client()
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        response = browser.post("/admin/login/", {"username": "therapist", "password": "wrong"})
        assert response.status_code == 200  # the ordinary "wrong password" form
    last_try = browser.post("/admin/login/", {"username": "therapist", "password": "wrong"})
    assert last_try.status_code == 429
    locked = browser.post("/admin/login/", {"username": "therapist", "password": "the-right-password-123"})
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()
    assert "_auth_user_id" not in browser.session


def test_a_successful_login_is_not_throttled(db, django_user_model, settings):
    settings.AXES_ENABLED = True
    django_user_model.objects.create_superuser("therapist", "t@example.org", "the-right-password-123")
    browser = Client()
    browser.post("/admin/login/", {"username": "therapist", "password": "wrong"})
    response = browser.post("/admin/login/", {"username": "therapist", "password": "the-right-password-123"})
    assert response.status_code == 302
    assert browser.get("/admin/").status_code == 200


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("password123", "12345678901234", "short"):
        try:
            validate_password(weak)
        except ValidationError:
            continue
        raise AssertionError(f"{weak!r} was accepted")
