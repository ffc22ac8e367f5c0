"""A backup brings back every page, image and enquiry; a bad archive changes nothing.

Most tests run the real `manage.py backup` and `manage.py restore` as separate
processes on a SQLite file of their own, as cron and an administrator do.
"""

import copy
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import time
import zlib
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page

from contact.models import ContactPage

ENQUIRIES = 150


# --- Running the commands ------------------------------------------------------

def manage_env(db, media, **extra):
    """The environment of a manage.py process on the SQLite file `db` or the PostgreSQL database at URL `db`."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "CACHE_SQLITE_PATH"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.dev", SQLITE_PATH=str(db), MEDIA_ROOT=str(media), **extra)
    if isinstance(db, str):
        # The shared cache then lives in a SQLite file beside the (test's own) media folder.
        env.update(DATABASE_URL=db, SQLITE_PATH=str(Path(media).parent / "no-database.sqlite3"))
    return env


def manage(*args, db, media, check=True):
    """Run manage.py as cron would, and wait for it."""
    run = subprocess.run([sys.executable, "manage.py", *map(str, args)], cwd=settings.BASE_DIR,
                         env=manage_env(db, media), capture_output=True, text=True, timeout=600)
    if check:
        assert run.returncode == 0, run.stderr[-3000:]
    return run


def copy_database(source, target):
    """Copy a SQLite file through SQLite itself, so rows still in its -wal file come too."""
    with closing(sqlite3.connect(source)) as old, closing(sqlite3.connect(target)) as new:
        old.backup(new)


def scalar(db, sql):
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchone()[0]


def counts(db):
    return {
        "pages": scalar(db, "SELECT count(*) FROM wagtailcore_page"),
        "enquiries": scalar(db, "SELECT count(*) FROM contact_contactsubmission"),
        "call requests": scalar(db, "SELECT count(*) FROM booking_callrequest"),
    }


def fingerprint(db):
    """Every table's schema and rows, as one hash: equal only if nothing changed."""
    with closing(sqlite3.connect(db)) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()


def files_under(folder):
    """Every entry under `folder` (hidden ones too), with each file's content hash."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        for path in sorted(Path(folder).rglob("*"))
    }


# --- One site, built once, that each test copies -------------------------------

@dataclass
class BuiltSite:
    empty_db: Path  # migrated, no content: what a new machine has before a restore
    db: Path  # the demo site with enquiries
    media: Path
    archive: Path  # made by `manage.py backup` of db


ADD_ENQUIRIES = f"""
from contact.models import ContactPage
page = ContactPage.objects.get()
Submission = page.get_submission_class()
Submission.objects.bulk_create(
    Submission(page=page, form_data={{"name": f"Visitor {{n}}", "message": "Could we talk about anxiety?"}})
    for n in range({ENQUIRIES})
)
"""


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("built-site")
    empty_db, db, media = root / "empty.sqlite3", root / "site.sqlite3", root / "media"
    manage("migrate", db=empty_db, media=root / "no-media")
    copy_database(empty_db, db)
    manage("load_demo_content", db=db, media=media)
    manage("shell", "-c", ADD_ENQUIRIES, db=db, media=media)
    manage("backup", "--output-dir", root / "archives", db=db, media=media)
    [archive] = (root / "archives").glob("practice-backup-*.tar.gz")
    return BuiltSite(empty_db, db, media, archive)


@pytest.fixture
def site_copy(built_site, tmp_path):
    """A copy of the built site (database and media) that a test may damage."""
    db, media = tmp_path / "site" / "db.sqlite3", tmp_path / "site" / "media"
    db.parent.mkdir()
    copy_database(built_site.db, db)
    shutil.copytree(built_site.media, media)
    return db, media


# --- Backing up and restoring --------------------------------------------------

def test_backup_restores_every_page_and_enquiry_into_an_empty_database(built_site, tmp_path):
    assert oct(built_site.archive.stat().st_mode & 0o777) == "0o600", "enquiries are health data: owner-only file"
    with tarfile.open(built_site.archive) as tar:
        names = tar.getnames()
    assert "data.json" in names and any(name.startswith("media/original_images/") for name in names)

    db, media = tmp_path / "restored.sqlite3", tmp_path / "media"
    copy_database(built_site.empty_db, db)
    run = manage("restore", built_site.archive, db=db, media=media)
    assert "Restored" in run.stdout

    assert counts(db) == counts(built_site.db)
    probe = (
        "import json; from wagtail.models import Page; from contact.models import ContactPage;"
        "Submission = ContactPage.objects.get().get_submission_class();"
        "print(json.dumps({'urls': sorted(p.url_path for p in Page.objects.filter(depth__gt=1)),"
        "'enquiries': [s.form_data for s in Submission.objects.all()],"
        "'found': [p.title for p in Page.objects.live().search('walk')]}))"
    )
    before = json.loads(manage("shell", "-c", probe, db=built_site.db, media=built_site.media).stdout.splitlines()[-1])
    after = json.loads(manage("shell", "-c", probe, db=db, media=media).stdout.splitlines()[-1])
    assert after["urls"] == before["urls"]
    assert sorted(map(json.dumps, after["enquiries"])) == sorted(map(json.dumps, before["enquiries"]))
    assert after["found"], "the search index is rebuilt after a restore"
    assert files_under(media) == files_under(built_site.media), "uploaded images come back too"
    assert {oct(path.stat().st_mode & 0o777) for path in media.rglob("*") if path.is_file()} == {"0o644"}, \
        "the web server in front serves uploads as its own user"


def test_restore_refuses_to_overwrite_a_site_with_content(built_site, site_copy):
    db, media = site_copy
    before = fingerprint(db)
    run = manage("restore", built_site.archive, db=db, media=media, check=False)
    assert run.returncode != 0
    assert "already has pages" in run.stderr
    assert fingerprint(db) == before


# --- A bad archive changes nothing ---------------------------------------------

def read_members(archive):
    with tarfile.open(archive) as tar:
        return [(member, tar.extractfile(member).read() if member.isfile() else b"") for member in tar]


def sized(member, size):
    member = copy.copy(member)
    member.size = size
    return member


def write_members(archive, members):
    with tarfile.open(archive, "w:gz") as tar:
        for member, payload in members:
            member = sized(member, len(payload)) if member.isfile() else member
            tar.addfile(member, io.BytesIO(payload) if member.isfile() else None)


def edit_members(good, bad, *, rows=None, manifest=None, drop=(), add=()):
    """Copy `good` to `bad`, with data.json's rows and the manifest changed by the given
    functions, the named members left out, and (name, bytes) members added."""
    members = []
    for member, payload in read_members(good):
        if member.name in drop:
            continue
        if member.name == "data.json" and rows:
            payload = json.dumps(rows(json.loads(payload))).encode()
        if member.name == "manifest.json" and manifest:
            payload = json.dumps(manifest(json.loads(payload))).encode()
        members.append((member, payload))
    members += [(tarfile.TarInfo(name), payload) for name, payload in add]
    write_members(bad, members)


def plus(key, number):
    return lambda manifest: {**manifest, key: manifest[key] + number}


def contact_page_id(rows):
    return next(row["pk"] for row in rows if row["model"] == "contact.contactpage")


def enquiry(pk, page, **fields):
    return {"model": "contact.contactsubmission", "pk": pk,
            "fields": {"page": page, "form_data": {"name": "Late"}, "submit_time": "2024-05-01T10:00:00Z", **fields}}


def truncated(good, bad):
    whole = good.read_bytes()
    bad.write_bytes(whole[: len(whole) // 2])


def not_gzip(good, bad):
    bad.write_bytes(b"Notes from Tuesday's session, saved under the wrong name.\n" * 200)


def without_data(good, bad):
    edit_members(good, bad, drop={"data.json"})


def data_not_json(good, bad):
    edit_members(good, bad, drop={"data.json"}, add=[("data.json", b'[{"model": "wagtailcore.page", "pk": 3, "fie')])


def unknown_model(good, bad):
    edit_members(good, bad, rows=lambda rows: rows + [{"model": "shop.order", "pk": 1, "fields": {}}],
                 manifest=plus("objects", 1))


def missing_page(good, bad):
    edit_members(good, bad, rows=lambda rows: rows + [enquiry(900001, page=987654)], manifest=plus("objects", 1))


def repeated_token(good, bad):
    token = "6f1c1e8e-2a4b-4c1d-9a53-5b1f0a7e4c21"
    edit_members(good, bad, manifest=plus("objects", 2), rows=lambda rows: rows + [
        enquiry(900001, contact_page_id(rows), token=token), enquiry(900002, contact_page_id(rows), token=token),
    ])


def climbs_out(good, bad):
    edit_members(good, bad, add=[("media/../../evil", b"written outside the media folder")],
                 manifest=plus("media_files", 1))


def media_file_missing(good, bad):
    first_image = next(m.name for m, _ in read_members(good) if m.name.startswith("media/"))
    edit_members(good, bad, drop={first_image})


def bomb(good, bad):
    """data.json that is 600 MB of zeros: under a megabyte on disk."""
    manifest = next(payload for member, payload in read_members(good) if member.name == "manifest.json")
    size = 600 * 1024 * 1024
    gzip_stream = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(bad, "wb") as out:
        out.write(gzip_stream.compress(sized(tarfile.TarInfo("manifest.json"), len(manifest)).tobuf()))
        out.write(gzip_stream.compress(manifest + bytes(-len(manifest) % 512)))
        out.write(gzip_stream.compress(sized(tarfile.TarInfo("data.json"), size).tobuf()))
        chunk = bytes(1024 * 1024)
        for _ in range(size // len(chunk)):
            out.write(gzip_stream.compress(chunk))
        out.write(gzip_stream.compress(bytes(1024)))  # the two empty blocks that end a tar archive
        out.write(gzip_stream.flush())


# Each bad archive, and words its one-line refusal must contain.
BAD_ARCHIVES = {
    truncated: "incomplete",
    not_gzip: "not gzip",
    without_data: "no data.json",
    data_not_json: "not valid JSON",
    unknown_model: "shop.order",
    missing_page: "987654",
    repeated_token: "UNIQUE",
    climbs_out: "media/../../evil",
    media_file_missing: "media files",
    bomb: "600 MB",
}


@pytest.mark.parametrize("damage", BAD_ARCHIVES, ids=lambda damage: damage.__name__)
def test_a_bad_archive_is_refused_and_changes_nothing(damage, built_site, site_copy, tmp_path):
    db, media = site_copy
    bad = tmp_path / "bad" / "practice-backup-bad.tar.gz"
    bad.parent.mkdir()
    damage(built_site.archive, bad)
    before, contents, uploads = counts(db), fingerprint(db), files_under(media)

    run = manage("restore", bad, "--force", db=db, media=media, check=False)

    assert run.returncode != 0
    assert counts(db) == before, "a refused restore must leave every page and enquiry in place"
    assert fingerprint(db) == contents, "a refused restore must leave the database exactly as it was"
    assert files_under(media) == uploads, "a refused restore must leave the uploads as they were"
    assert not list(tmp_path.rglob("evil")), "nothing is written outside the media folder"
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("CommandError: "), run.stderr[-3000:]
    assert BAD_ARCHIVES[damage].lower() in lines[0].lower(), lines[0]


# --- Backing up while visitors and the therapist write ------------------------

# Visitors send enquiries as fast as the machine lets them (a short pause keeps
# the backups on a shared machine from being starved of CPU), and meanwhile the
# therapist publishes a post now and then: its page row and its blog row are
# written in one transaction, in two tables a backup reads at different moments.
WRITER = """
import os, pathlib, time
from blog.models import BlogIndexPage, BlogPage
from contact.models import ContactPage
contact, blog = ContactPage.objects.get(), BlogIndexPage.objects.get()
Submission = contact.get_submission_class()
stop, deadline = pathlib.Path(os.environ["STOP_FILE"]), time.monotonic() + 120
with open(os.environ["WRITER_LOG"], "a", buffering=1) as log:
    n = 0
    while not stop.exists() and time.monotonic() < deadline:
        enquiry = Submission.objects.create(page=contact, form_data={"name": f"Writer {n}"})
        log.write(f"{enquiry.pk} {time.time()}\\n")  # written once the enquiry is committed
        if n % 5 == 0:
            blog.add_child(instance=BlogPage(title=f"Note {n}", slug=f"note-{n}", introduction="A short note.",
                                             body=[("text", "<p>Written during a backup.</p>")]))
        n += 1
        time.sleep(0.002)
"""


def committed_before(log, moment):
    """The enquiries the writer had committed before `moment` (time.time())."""
    lines = [line.split() for line in log.read_text().splitlines()]
    return {int(pk) for pk, when in lines if float(when) < moment}


def wait_for_lines(log, count, seconds=60):
    deadline = time.monotonic() + seconds
    while not (log.exists() and len(log.read_text().splitlines()) >= count):
        assert time.monotonic() < deadline, "the writer never started writing"
        time.sleep(0.1)


def back_up_while_writing(db, media, folder, count):
    """Run `count` backups one after another while the writer writes; return (start time, archive) of each."""
    log, stop = folder / "written.txt", folder / "stop"
    writer = subprocess.Popen([sys.executable, "manage.py", "shell", "-c", WRITER], cwd=settings.BASE_DIR,
                              env=manage_env(db, media, WRITER_LOG=str(log), STOP_FILE=str(stop)),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    backups = []
    try:
        wait_for_lines(log, 20)
        for number in range(count):
            started = time.time()
            manage("backup", "--output-dir", folder / f"archives-{number}", db=db, media=media)
            [archive] = (folder / f"archives-{number}").iterdir()  # and no copy of the database left beside it
            backups.append((started, archive))
    finally:
        stop.touch()
        _, errors = writer.communicate(timeout=60)
    assert writer.returncode == 0, errors[-3000:]
    return log, backups


def check_backups_while_writing(db, media, built_site, folder):
    """Three backups taken while the writer writes: each must restore (into a new SQLite
    file, as on a new machine) into a sound database holding every enquiry committed
    before that backup began."""
    log, backups = back_up_while_writing(db, media, folder, count=3)
    written_during = len(committed_before(log, time.time())) - len(committed_before(log, backups[0][0]))
    assert written_during > 100, "the writer kept writing while the backups ran"

    restores = []  # side by side, to keep the test short
    for number, (_, archive) in enumerate(backups, start=1):
        restored = folder / f"restored-{number}.sqlite3"
        copy_database(built_site.empty_db, restored)
        restores.append((restored, subprocess.Popen(
            [sys.executable, "manage.py", "restore", str(archive)], cwd=settings.BASE_DIR,
            env=manage_env(restored, folder / f"restored-media-{number}"),
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )))
    problems = []
    for number, ((started, _), (restored, restore)) in enumerate(zip(backups, restores), start=1):
        _, errors = restore.communicate(timeout=300)
        if restore.returncode != 0:
            problems.append(f"backup {number} does not restore: {errors.strip().splitlines()[-1:]}")
            continue
        if (check := scalar(restored, "PRAGMA integrity_check")) != "ok":
            problems.append(f"backup {number} restores into a damaged database: {check}")
        with closing(sqlite3.connect(restored)) as conn:
            enquiries = {pk for (pk,) in conn.execute("SELECT id FROM contact_contactsubmission")}
        if missing := committed_before(log, started) - enquiries:
            problems.append(f"backup {number} lacks {len(missing)} enquiries committed before it began")
    assert not problems, "\n".join(problems)


def test_every_backup_taken_while_visitors_write_is_a_consistent_snapshot(built_site, site_copy, tmp_path):
    db, media = site_copy
    with closing(sqlite3.connect(db)) as conn, conn:
        # The demo's thousands of daily page-view counts would only make each backup and restore slower.
        conn.execute("DELETE FROM insights_pageviewday")
    check_backups_while_writing(db, media, built_site, tmp_path)


# --- The same on PostgreSQL (when DATABASE_URL is set) ----------------------
# The commands run as processes of their own with their own transactions, as
# in production, so these tests hold no transaction open (transactional_db:
# the database is emptied after each). Each first fills it from the built site.
# On SQLite the tests above already run the commands on a database file.

on_postgresql = pytest.mark.skipif(not settings.USING_POSTGRES, reason="the tests above cover SQLite")


@pytest.fixture
def test_database(transactional_db, built_site, tmp_path):
    """The URL of the test database, holding the built site, and the site's media folder."""
    settings_dict = connection.settings_dict
    user, password = quote(settings_dict["USER"] or ""), quote(settings_dict["PASSWORD"] or "")
    login = f"{user}:{password}@" if password else f"{user}@"
    database = f"postgresql://{login}{settings_dict['HOST'] or 'localhost'}:{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
    media = tmp_path / "test-database-media"
    manage("restore", built_site.archive, "--force", db=database, media=media)
    ContentType.objects.clear_cache()  # the restore made the content types afresh
    return database, media


@on_postgresql
def test_a_backup_made_on_postgresql_restores_into_a_new_sqlite_file(test_database, built_site, tmp_path):
    database, media = test_database
    contact = ContactPage.objects.get()
    Submission = contact.get_submission_class()
    added = [Submission.objects.create(page=contact, form_data={"name": f"Test database visitor {n}"}) for n in range(3)]
    expected = sorted(s.form_data["name"] for s in Submission.objects.all())
    manage("backup", "--output-dir", tmp_path / "archives", db=database, media=media)
    [archive] = (tmp_path / "archives").glob("practice-backup-*.tar.gz")

    db = tmp_path / "restored.sqlite3"
    copy_database(built_site.empty_db, db)
    manage("restore", archive, db=db, media=tmp_path / "restored-media")

    with closing(sqlite3.connect(db)) as conn:
        names = sorted(json.loads(data)["name"] for (data,) in conn.execute("SELECT form_data FROM contact_contactsubmission"))
        urls = sorted(url for (url,) in conn.execute("SELECT url_path FROM wagtailcore_page"))
    assert names == expected and {s.form_data["name"] for s in added} <= set(names)
    assert urls == sorted(Page.objects.values_list("url_path", flat=True))


@on_postgresql
def test_rows_that_fail_to_load_leave_postgresql_as_it_was(test_database, built_site, tmp_path):
    bad = tmp_path / "practice-backup-bad.tar.gz"
    missing_page(built_site.archive, bad)
    Submission = ContactPage.objects.get().get_submission_class()

    def contents():
        return {"pages": sorted(Page.objects.values_list("pk", "url_path")),
                "enquiries": sorted(Submission.objects.values_list("pk", flat=True))}

    before = contents()
    assert len(before["pages"]) > 10 and len(before["enquiries"]) == ENQUIRIES

    database, media = test_database
    run = manage("restore", bad, "--force", db=database, media=media, check=False)

    assert run.returncode != 0 and "987654" in run.stderr, run.stderr[-3000:]
    assert contents() == before


@on_postgresql
def test_every_backup_taken_on_postgresql_while_visitors_write_is_a_consistent_snapshot(test_database, built_site, tmp_path):
    from insights.models import PageViewDay

    database, media = test_database
    PageViewDay.objects.all().delete()  # only slower to back up and restore
    check_backups_while_writing(database, media, built_site, tmp_path)
