"""One public address: a site built under one PUBLIC_URL and served under another links only to the second.

As `make demo` then `make serve PORT=…` do: `migrate` and `load_demo_content`
run with the default PUBLIC_URL (which they copy into the Site record), then
a real gunicorn with production settings serves the same database on another
port, with PUBLIC_URL saying so. Whatever a search engine, a feed reader or a
link preview reads (canonical link, Open Graph, JSON-LD, sitemap,
robots.txt, the blog feed) must name that served address only.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
BUILT_UNDER = "http://127.0.0.1:8000"  # `make demo`'s default
URL = re.compile(r"""https?://[^\s"'<>\\]+""")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def site_env(tmp_path):
    """Production settings on a new SQLite file of their own, so nothing here touches the test
    session's database (on a PostgreSQL run, the shared cache is still that run's Redis)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production", SECRET_KEY="origin-test-" + "k" * 40,
        ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="false", SECURE_COOKIES="false", SECURE_HSTS_SECONDS="0",
        SQLITE_PATH=str(tmp_path / "site.sqlite3"), MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"), INSIGHTS_ENABLED="false",
    )
    return env


def manage(env, *command):
    done = subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture
def served(site_env, tmp_path):
    """Built under BUILT_UNDER, served by gunicorn under another address; yields that address."""
    built = {**site_env, "PUBLIC_URL": BUILT_UNDER}
    manage(built, "migrate", "--no-input")
    manage(built, "load_demo_content")
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    env = {**site_env, "PUBLIC_URL": origin}
    manage(env, "collectstatic", "--no-input", "-v0")
    log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115 - open for the server's lifetime
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "-c", "config/gunicorn.py",
         "--workers", "1", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(origin, "/robots.txt")
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("gunicorn did not start: " + (tmp_path / "gunicorn.log").read_text()[-2000:])
                time.sleep(0.3)
        yield origin
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def fetch(origin, path):
    with urllib.request.urlopen(origin + path, timeout=60) as response:
        assert response.status == 200, path
        return response.read().decode()


def ours(urls):
    """The addresses that point at this machine (not schema.org, a professional body, an XML namespace)."""
    return [url for url in urls if urlsplit(url).hostname in ("127.0.0.1", "localhost")]


def test_every_absolute_address_uses_the_address_the_site_is_served_at(served):
    origin = served
    home = BeautifulSoup(fetch(origin, "/"), "html.parser")
    found = {
        "canonical": [home.find("link", rel="canonical")["href"]],
        "og:url": [home.find("meta", property="og:url")["content"]],
        "og:image": [home.find("meta", property="og:image")["content"]],
        "JSON-LD": [url for script in home.find_all("script", type="application/ld+json")
                    for url in URL.findall(json.dumps(json.loads(script.string)))],
        "sitemap": URL.findall(fetch(origin, "/sitemap.xml")),
        "robots.txt": URL.findall(fetch(origin, "/robots.txt")),
        "feed": URL.findall(fetch(origin, "/blog/feed/")),
    }
    wrong = {}
    for where, urls in found.items():
        mine = ours(urls)
        assert mine, f"{where}: no address of this site at all"
        wrong[where] = sorted({f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in mine} - {origin})
    assert wrong == dict.fromkeys(found, []), f"served at {origin}"
