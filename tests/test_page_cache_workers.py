"""The page cache with several gunicorn workers and no Redis (the embedded default).

A real gunicorn with 3 workers serves a copy of the demo site on a SQLite file,
with production settings. Another process (as `manage.py publish_scheduled` or
a shell would be) publishes, unpublishes, moves, renames, deletes, makes a page
private and changes a setting, and a search must find what was published. After each change every anonymous visitor,
whichever worker answers, must see it at once: the count of stale responses
must be 0. Once with the page cache on, and once with it off, where each
worker still keeps what it routed and rendered under the current generation
(pagecache/local.py): that memory must be as fresh as the shared cache.
"""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

ROOT = Path(settings.BASE_DIR)
PORT = 8113
BASE = f"http://127.0.0.1:{PORT}"
VISITS = 30  # anonymous requests after each change, spread over the workers

pytestmark = [
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded default runs on SQLite"),
    pytest.mark.django_db,  # so the session builds the test database this copies
]

# What the other process does, and how a visitor tells the change has happened.
CHANGES = {
    "publish": (
        "p = StandardPage.objects.get(slug='about'); p.introduction = 'Edited by another process.';"
        "p.save_revision().publish()",
        "/about/", lambda status, body: status == 200 and "Edited by another process." in body,
    ),
    # Each worker keeps what a search found under the current generation.
    "search": (
        "p = StandardPage.objects.get(slug='about'); p.introduction = 'Also a keen kingfisher watcher.';"
        "p.save_revision().publish()",
        "/search/?q=kingfisher", lambda status, body: status == 200 and 'search-results' in body and 'href="/about/"' in body.split('search-results', 1)[1],
    ),
    "publish_scheduled": (
        "p = StandardPage.objects.get(slug='privacy'); p.title = 'Privacy, as scheduled';"
        "p.save_revision(approved_go_live_at=timezone.now() - timedelta(seconds=1));"
        "call_command('publish_scheduled', verbosity=0)",
        "/privacy/", lambda status, body: status == 200 and "Privacy, as scheduled" in body,
    ),
    "setting": (
        "s = PracticeSettings.for_site(Site.objects.get(is_default_site=True)); s.phone = '01632 960 777'; s.save()",
        "/", lambda status, body: "01632 960 777" in body,
    ),
    "move": (
        "Page.objects.get(slug='privacy').move(Page.objects.get(slug='about'), pos='last-child')",
        "/about/privacy/", lambda status, body: status == 200,
    ),
    "unpublish": (
        "Page.objects.get(slug='walk-and-talk-therapy').specific.unpublish()",
        "/services/walk-and-talk-therapy/", lambda status, body: status == 404,
    ),
    # The enquiry form's services are the live service pages.
    "form choices": (
        "Page.objects.get(slug='neurodiverse-counselling').specific.unpublish()",
        "/contact/", lambda status, body: status == 200 and 'value="neurodiverse-counselling"' not in body,
    ),
    "rename": (
        "p = Page.objects.get(slug='online-counselling').specific; p.slug = 'counselling-online'; p.save_revision().publish()",
        "/services/counselling-online/", lambda status, body: status == 200,
    ),
    "privacy": (
        "PageViewRestriction.objects.create(page=Page.objects.get(slug='fees'), restriction_type='password', password='s3cret-fees')",
        "/fees/", lambda status, body: 'type="password"' in body,
    ),
    "delete": (
        "Page.objects.get(slug='your-first-session').delete()",
        "/blog/your-first-session/", lambda status, body: status == 404,
    ),
}

EDITOR = """
import sys, django
django.setup()
from datetime import timedelta
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site
from home.models import PracticeSettings, StandardPage
print("ready", flush=True)
for line in sys.stdin:
    exec(line)
    print("done", flush=True)
"""


def visit(path):
    try:
        with urllib.request.urlopen(BASE + path, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture(scope="module")
def template_env(django_db_setup, django_db_blocker, tmp_path_factory):
    """A copy of the test session's demo database as a file, with production settings."""
    tmp_path = tmp_path_factory.mktemp("workers")
    database = tmp_path / "site.sqlite3"
    # Outside any test's transaction (which SQLite could not copy from): the
    # demo content as committed, rebuilt first if a live-server test emptied it.
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=open(os.devnull, "w"))
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(database)])
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production", SECRET_KEY="workers-test-" + "k" * 40,
        ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="false", SECURE_COOKIES="false", SECURE_HSTS_SECONDS="0",
        SQLITE_PATH=str(database), MEDIA_ROOT=str(settings.MEDIA_ROOT), STATIC_ROOT=str(tmp_path / "static"),
        PAGE_CACHE_SECONDS="600",
    )
    # What `migrate` does after its migrations (make the shared cache's
    # tables), and the hashed static files production pages link to.
    for command in (["createcachetable", "--database", "cache"], ["collectstatic", "--no-input"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    return env


@pytest.fixture(params=["600", "0"], ids=["page cache on", "page cache off"])
def site_env(request, template_env, tmp_path):
    """Each run its own copy of the site (the changes are made for good), page cache on or off."""
    database = tmp_path / "site.sqlite3"
    for suffix in ("", ".cache"):
        source = Path(template_env["SQLITE_PATH"]).with_suffix(f"{suffix}.sqlite3")
        shutil.copyfile(source, database.with_suffix(f"{suffix}.sqlite3"))
    return {**template_env, "SQLITE_PATH": str(database), "PAGE_CACHE_SECONDS": request.param}


def start_gunicorn(env, tmp_path):
    """gunicorn with 3 workers on ``env``'s site; returns the process once it answers."""
    log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115 - open for the server's lifetime
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "-c", "config/gunicorn.py",
         "--workers", "3", "--bind", f"127.0.0.1:{PORT}"],
        cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            visit("/robots.txt")
            return process
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                os.killpg(process.pid, signal.SIGTERM)
                pytest.fail("gunicorn did not start: " + (tmp_path / "gunicorn.log").read_text()[-2000:])
            time.sleep(0.3)


def stop_gunicorn(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


@pytest.fixture
def server(site_env, tmp_path):
    process = start_gunicorn(site_env, tmp_path)
    yield
    stop_gunicorn(process)


@pytest.fixture
def other_process(site_env):
    process = subprocess.Popen([sys.executable, "-c", EDITOR], cwd=ROOT, env=site_env, text=True,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert process.stdout.readline().strip() == "ready"

    def run(code):
        process.stdin.write(code + "\n")
        process.stdin.flush()
        assert process.stdout.readline().strip() == "done", "the change failed (see the output above)"

    yield run
    process.stdin.close()
    process.wait(timeout=30)


def test_every_worker_sees_a_change_made_by_another_process_at_once(server, other_process):
    stale = {}
    for name, (code, path, changed) in CHANGES.items():
        for _ in range(9):  # every worker has answered, and cached, the page as it was
            visit(path)
        assert not changed(*visit(path)), f"{name}: the page had changed before the change"
        other_process(code)
        stale[name] = sum(not changed(*visit(path)) for _ in range(VISITS))
    print(f"\nstale responses after each change, {VISITS} requests each: {stale}")
    assert stale == dict.fromkeys(CHANGES, 0)


PAGES = ("/", "/about/", "/services/", "/blog/", "/blog/your-first-session/", "/contact/", "/book-a-call/", "/search/?q=walk")


def cache_files(env):
    database = Path(env["SQLITE_PATH"]).with_suffix(".cache.sqlite3")
    return [database, Path(f"{database}-wal"), Path(f"{database}-shm")]


def test_the_shared_cache_can_be_deleted_while_the_site_runs(server, site_env, other_process):
    answers = [visit(path)[0] for path in PAGES * 2]  # every worker has kept connections to the cache
    for path in cache_files(site_env):
        path.unlink(missing_ok=True)
    answers += [visit(path)[0] for path in PAGES * 3]
    # Its table alone, too.
    with sqlite3.connect(cache_files(site_env)[0], timeout=20) as cache:
        cache.execute("DROP TABLE IF EXISTS cache_default")
        cache.execute("DROP TABLE IF EXISTS cache_pages")
    answers += [visit(path)[0] for path in PAGES * 3]
    assert set(answers) == {200}, f"answers after the cache went: {sorted(set(answers))}"
    # The workers use the new cache, not the deleted one: an edit by another process shows at once.
    other_process(CHANGES["publish"][0])
    stale = sum("Edited by another process." not in visit("/about/")[1] for _ in range(VISITS))
    assert stale == 0


def test_a_copy_of_the_database_without_its_cache_serves_every_page(site_env, tmp_path):
    copy = tmp_path / "copy" / "site.sqlite3"
    copy.parent.mkdir()
    with sqlite3.connect(site_env["SQLITE_PATH"]) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    process = start_gunicorn({**site_env, "SQLITE_PATH": str(copy)}, tmp_path)
    try:
        answers = {path: visit(path)[0] for path in PAGES}
    finally:
        stop_gunicorn(process)
    assert answers == dict.fromkeys(PAGES, 200)
