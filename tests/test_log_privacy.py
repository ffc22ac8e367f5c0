"""What visitors do never reaches a log with their personal data or search terms in it."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse

from contact.models import ContactSubmission
from tests.contact_helpers import contact_page, send, valid_answers


def free_port():
    for port in range(8120, 8130):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.skip("no free port in 8120-8129")


def test_the_access_log_has_no_search_terms_addresses_or_referrers(tmp_path):
    port, log = free_port(), tmp_path / "access.log"
    # Its own migrated database: a clean checkout has none, and the suite's
    # test database is not the one a subprocess would open.
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.test", SQLITE_PATH=str(tmp_path / "site.sqlite3"))
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
                   cwd=django_settings.BASE_DIR, env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--access-logfile", str(log), "config.wsgi"],
        cwd=django_settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/robots.txt?q=panic+attacks&email=sam%40example.org",
            headers={"Referer": f"http://127.0.0.1:{port}/search/?q=self+harm", "User-Agent": "Sam's phone"},
        )
        deadline = time.monotonic() + 90  # a busy 2-core CI machine can take a while to import Django
        while True:
            try:
                assert urllib.request.urlopen(request, timeout=5).status == 200
                break
            except urllib.error.HTTPError as error:  # it started, and answered wrongly
                pytest.fail(f"robots.txt answered {error.code}")
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("gunicorn did not start")
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)
    written = log.read_text()
    assert "GET /robots.txt HTTP/1.1\" 200" in written
    for private in ("panic", "attacks", "example.org", "self+harm", "search", "127.0.0.1", "Sam's phone"):
        assert private not in written, private


def test_without_smtp_no_email_is_printed_and_the_enquiry_says_not_emailed(
    client, demo, settings, capsys, caplog, editor_client, django_capture_on_commit_callbacks,
):
    settings.EMAIL_BACKEND = "contact.mail.NoEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        send(client, valid_answers())
    printed = capsys.readouterr()
    logged = caplog.text
    for private in ("Sam Example", "sam@example.org", "07700 900123"):
        assert private not in printed.out + printed.err + logged
    assert mail.outbox == []
    [enquiry] = ContactSubmission.objects.all()
    assert enquiry.notification == ContactSubmission.Notification.NOT_SET_UP
    listing = editor_client.get(reverse("wagtailforms:list_submissions", args=[contact_page().pk]))
    assert "Not sent: e-mail is not set up" in listing.content.decode()


def test_production_settings_without_smtp_use_the_silent_backend_and_check_deploy_says_so():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": "k" * 50,
           "ALLOWED_HOSTS": "example.org"}
    env.pop("EMAIL_HOST", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", "from django.conf import settings; print(settings.EMAIL_BACKEND)"],
        cwd=django_settings.BASE_DIR, env=env, capture_output=True, text=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "contact.mail.NoEmailBackend", result.stderr
    check = subprocess.run([sys.executable, "manage.py", "check", "--deploy"], cwd=django_settings.BASE_DIR,
                           env=env, capture_output=True, text=True)
    assert "contact.W002" in check.stdout + check.stderr
