"""The foundation: the demo site builds, every fixed URL answers, the tree is guarded."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page

from tests.helpers import soup

DEMO_URLS = [
    "/",
    "/services/",
    "/services/in-person-counselling/",
    "/services/online-counselling/",
    "/services/walk-and-talk-therapy/",
    "/services/neurodiverse-counselling/",
    "/blog/",
    "/blog/what-is-the-therapeutic-relationship/",
    "/contact/",
    "/about/",
    "/privacy/",
    "/search/",
]


@pytest.mark.parametrize("url", DEMO_URLS)
def test_every_demo_url_answers(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200, url
    page = soup(response)
    assert page.find("html")["lang"] == "en-GB"
    assert page.find("main", id="main"), "every page has a main landmark the skip link targets"
    assert page.find("a", class_="skip-link")["href"] == "#main"


def test_admin_is_reachable(editor_client):
    from django.test import Client

    assert Client().get("/admin/").status_code == 302  # anonymous visitors are sent to the login page
    assert editor_client.get("/admin/").status_code == 200


def test_loading_demo_content_twice_changes_nothing(demo):
    before = Page.objects.count()
    titles = sorted(Page.objects.values_list("title", flat=True))
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    assert Page.objects.count() == before
    assert sorted(Page.objects.values_list("title", flat=True)) == titles


def test_unknown_url_gets_the_friendly_404_page(client, demo):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    text = soup(response).get_text()
    assert "can't find that page" in text
    assert "Therapy with Ben" in text, "the 404 page keeps the site's header and footer"


def test_header_and_footer_show_the_practice_details(client, demo):
    page = soup(client.get("/"))
    nav = page.find("nav", attrs={"aria-label": "Main"})
    labels = [a.get_text(strip=True) for a in nav.find_all("a")]
    assert {"Services", "Blog", "About me", "Contact"} <= set(labels)
    assert "Privacy notice" not in labels, "pages not marked 'show in menus' stay out of the navigation"
    footer = page.find("footer").get_text(" ", strip=True)
    for detail in ("Therapy with Ben", "01632 960 418", "ben@example.org", "Cheltenham", "British Association"):
        assert detail in footer


def test_editing_practice_details_changes_header_and_footer(client, demo):
    from wagtail.models import Site

    from home.models import PracticeSettings

    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    practice.practice_name = "Riverside Counselling"
    practice.phone = "01632 960 999"
    practice.save()
    page = soup(client.get("/about/"))
    assert "Riverside Counselling" in page.find("header").get_text()
    assert "01632 960 999" in page.find("footer").get_text()
    assert page.title.string.strip() == "About me – Riverside Counselling"


def _settings_subprocess(module, env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    clean.update(env, DJANGO_SETTINGS_MODULE=module)
    code = "import django; django.setup(); from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    return subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=clean, capture_output=True, text=True)


def test_production_refuses_to_start_without_secret_key_or_hosts():
    no_key = _settings_subprocess("config.settings.production", {"ALLOWED_HOSTS": "example.org"})
    assert no_key.returncode != 0 and "SECRET_KEY" in no_key.stderr
    no_hosts = _settings_subprocess("config.settings.production", {"SECRET_KEY": "x" * 50})
    assert no_hosts.returncode != 0 and "ALLOWED_HOSTS" in no_hosts.stderr


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_production_accepts_both_postgres_url_schemes(scheme):
    result = _settings_subprocess(
        "config.settings.production",
        {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.org", "DATABASE_URL": f"{scheme}://u:p@127.0.0.1:5432/practice"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(db):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite-specific")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    # An in-memory test database cannot use WAL; the file database can.
    assert mode in {"wal", "memory"}


def test_file_database_uses_wal_and_a_memory_map(tmp_path):
    result = _settings_subprocess("config.settings.dev", {"SQLITE_PATH": str(tmp_path / "wal.sqlite3")})
    assert result.returncode == 0, result.stderr
    code = (
        "import django; django.setup(); from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]); c.execute('PRAGMA busy_timeout'); print(c.fetchone()[0]);"
        "c.execute('PRAGMA mmap_size'); print(c.fetchone()[0])"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "SQLITE_PATH": str(tmp_path / "wal.sqlite3")}
    env.pop("DATABASE_URL", None)
    out = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["wal", "20000", str(settings.SQLITE_MMAP_BYTES)], out.stderr
