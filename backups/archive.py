"""One dated archive holding the whole site: every database row and every uploaded file.

The data is Django's own portable JSON (dumpdata with natural keys), so an
archive made on SQLite restores into PostgreSQL and the other way round.
Tables that are rebuilt or that only hold short-lived state are left out.

Every row comes from one snapshot of the database, taken at one moment while
visitors and the timed tasks go on writing: dumpdata reads table after table,
and rows written between two of those reads would otherwise leave, say, a
blog post's own row or its history in the archive without the page row they
belong to, and the archive would not restore.
"""

import io
import json
import os
import shutil
import tarfile
import tempfile
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction

DATA_NAME = "data.json"
MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media/"
# A restore unpacks media into a folder of this name inside the media folder.
STAGING_PREFIX = ".restoring-"
SNAPSHOT_ALIAS = "backup_snapshot"
# Rebuilt by update_index after every restore. Its tables differ between
# SQLite and PostgreSQL, so rows of one would not even load into the other.
SEARCH_INDEX_APP = "wagtailsearch"
EXCLUDED = [
    "contenttypes",  # recreated by migrate; rows refer to them by natural key
    "auth.permission",
    "sessions",
    SEARCH_INDEX_APP,
    "axes",
    "wagtailcore.pagelogentry",  # written separately: entries of deleted pages cannot be serialised
]


def archive_name(now=None):
    return f"practice-backup-{(now or datetime.now()).strftime('%Y%m%d-%H%M%S')}.tar.gz"


def dump_data(workdir):
    """Every row, read from one snapshot of the database, as JSON bytes.

    On SQLite the snapshot is a copy of the file in a private folder made
    inside `workdir`, deleted afterwards."""
    with _snapshot(workdir) as alias:
        return json.dumps(_rows(alias)).encode()


def _rows(alias):
    from django.core import serializers
    from wagtail.models import Page, PageLogEntry

    buffer = io.StringIO()
    call_command("dumpdata", natural_foreign=True, exclude=EXCLUDED, database=alias, stdout=buffer)
    rows = json.loads(buffer.getvalue())
    # The page history survives, except entries of pages deleted long ago.
    history = PageLogEntry.objects.using(alias).filter(page_id__in=Page.objects.using(alias).values("id"))
    rows += json.loads(serializers.serialize("json", history, use_natural_foreign_keys=True))
    return rows


@contextmanager
def _snapshot(workdir):
    """The alias of a database connection that sees one moment's rows."""
    if connection.in_atomic_block:
        # Called from code that already holds a transaction (a test, a shell session inside
        # `atomic`): its rows are the ones to keep, and VACUUM INTO cannot run inside it. On
        # SQLite that transaction holds the write lock, so no other process changes a row
        # while it is read. `manage.py backup` itself never starts inside one.
        yield DEFAULT_DB_ALIAS
        return
    if connection.vendor == "sqlite":
        with _sqlite_snapshot(workdir) as alias:
            yield alias
    else:
        # PostgreSQL: every table read inside one REPEATABLE READ transaction
        # comes from the snapshot taken at its first query.
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield DEFAULT_DB_ALIAS


@contextmanager
def _sqlite_snapshot(workdir):
    """VACUUM INTO copies the database as one read transaction sees it, without
    holding up writers (WAL). The live file itself is only ever touched through
    SQLite: opening and closing it with Python's own file functions would drop
    the locks SQLite holds in this process and let another process delete the
    write-ahead log under it."""
    folder = Path(tempfile.mkdtemp(prefix=".snapshot-", dir=workdir))  # 0700: readable by the owner only
    try:
        copy = folder / "snapshot.sqlite3"
        # Created empty and owner-only before SQLite writes a byte of enquiries into it.
        os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(copy)])
        with _extra_database(copy) as alias:
            yield alias
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _extra_database(path):
    """A Django connection to the SQLite file at `path`, read-only, for as long as the block runs."""
    config = {"ENGINE": "django.db.backends.sqlite3", "NAME": f"{path.as_uri()}?mode=ro"}
    connections.settings[SNAPSHOT_ALIAS] = connections.configure_settings({DEFAULT_DB_ALIAS: {}, SNAPSHOT_ALIAS: config})[SNAPSHOT_ALIAS]
    try:
        yield SNAPSHOT_ALIAS
    finally:
        connections[SNAPSHOT_ALIAS].close()
        del connections[SNAPSHOT_ALIAS]
        del connections.settings[SNAPSHOT_ALIAS]


def write_archive(path):
    data = dump_data(Path(path).parent)
    media_root = Path(settings.MEDIA_ROOT)
    files = sorted(p for p in media_root.rglob("*") if p.is_file() and not _staged(p, media_root)) if media_root.exists() else []
    manifest = {"created": datetime.now().isoformat(timespec="seconds"), "objects": len(json.loads(data)), "media_files": len(files)}
    # Enquiries are health information: the file is created owner-only (0600),
    # so not one byte of it is ever readable by another user on the machine.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file, tarfile.open(fileobj=file, mode="w:gz") as tar:
        _add_bytes(tar, MANIFEST_NAME, json.dumps(manifest, indent=2).encode())
        _add_bytes(tar, DATA_NAME, data)
        for file in files:
            tar.add(file, arcname=MEDIA_PREFIX + file.relative_to(media_root).as_posix())
    return manifest


def _staged(path, media_root):
    """A file a restore is still unpacking (or left behind when it was killed)."""
    return path.relative_to(media_root).parts[0].startswith(STAGING_PREFIX)


def _add_bytes(tar, name, payload):
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mtime = int(datetime.now().timestamp())
    tar.addfile(info, io.BytesIO(payload))
