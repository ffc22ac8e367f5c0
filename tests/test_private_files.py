"""Files that hold enquiries are readable by their owner only, from the first byte written."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

import backups.archive

ROOT = Path(settings.BASE_DIR)


def mode(path):
    return oct(stat.S_IMODE(os.stat(path).st_mode))


@pytest.fixture
def open_umask():
    """The usual umask of a shell or a service without UMask=: new files 0644."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_backup_archive_is_owner_only_while_it_is_written(demo, tmp_path, monkeypatch, open_umask):
    seen = []
    add_bytes = backups.archive._add_bytes

    def watching(tar, name, payload):
        # The archive already exists on disk here, part written.
        seen.extend(mode(path) for path in tmp_path.glob("practice-backup-*"))
        add_bytes(tar, name, payload)

    monkeypatch.setattr(backups.archive, "_add_bytes", watching)
    call_command("backup", output_dir=str(tmp_path), stdout=open(os.devnull, "w"))
    assert seen and set(seen) == {"0o600"}, f"modes while writing: {seen}"
    [archive] = tmp_path.glob("practice-backup-*.tar.gz")
    assert mode(archive) == "0o600"


def test_a_new_sqlite_database_and_its_wal_files_are_owner_only(tmp_path):
    database = tmp_path / "practice.sqlite3"
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.dev", SQLITE_PATH=str(database))
    # A write leaves the -wal and -shm files behind while the connection is open.
    code = (
        "import os, stat, django; os.umask(0o022); django.setup(); from django.db import connection;"
        "c = connection.cursor(); c.execute('CREATE TABLE t (x)'); c.execute('INSERT INTO t VALUES (1)');"
        f"print(*[oct(stat.S_IMODE(os.stat(p).st_mode)) for p in ('{database}', '{database}-wal', '{database}-shm')])"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["0o600", "0o600", "0o600"]


def test_an_existing_world_readable_database_is_narrowed(tmp_path):
    from config.private_sqlite.base import make_private

    database = tmp_path / "old.sqlite3"
    database.write_bytes(b"")
    database.chmod(0o644)
    make_private(database)
    assert mode(database) == "0o600"


def test_uploads_stay_readable_by_the_web_server_under_an_owner_only_umask(db, tmp_path, settings, open_umask):
    """UMask=0077 must not hide images from nginx, which serves /media/ as another user."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import FileSystemStorage

    os.umask(0o077)
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("images/photo.jpg", ContentFile(b"not really a jpeg"))
    assert mode(tmp_path / name) == "0o644"
    assert mode(tmp_path / "images") == "0o755"


def service_section(unit):
    """The lines of a unit's [Service] section, where systemd reads UMask=."""
    lines, inside = [], False
    for line in (ROOT / "deploy" / unit).read_text().splitlines():
        if line.startswith("["):
            inside = line == "[Service]"
        elif inside:
            lines.append(line.strip())
    return lines


# Every service unit in deploy/, found afresh, so a unit added later is checked too.
UNITS = sorted(path.name for path in (ROOT / "deploy").glob("*.service"))


def test_every_service_unit_in_deploy_is_checked():
    assert {"practice.service", "practice-housekeeping.service", "practice-publish.service",
            "practice-booking.service"} <= set(UNITS)


@pytest.mark.parametrize("unit", UNITS)
def test_the_systemd_units_create_files_owner_only(unit):
    assert "UMask=0077" in service_section(unit), f"{unit} lets what it writes be read by other users"
