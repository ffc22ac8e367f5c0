"""One dated archive holding the whole site: every database row and every uploaded file.

The data is Django's own portable JSON (dumpdata with natural keys), so an
archive made on SQLite restores into PostgreSQL and the other way round.
Tables that are rebuilt or that only hold short-lived state are left out.
"""

import io
import json
import os
import tarfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

DATA_NAME = "data.json"
MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media/"
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


def dump_data():
    from django.core import serializers
    from wagtail.models import Page, PageLogEntry

    buffer = io.StringIO()
    call_command("dumpdata", natural_foreign=True, exclude=EXCLUDED, stdout=buffer)
    rows = json.loads(buffer.getvalue())
    # The page history survives, except entries of pages deleted long ago.
    history = PageLogEntry.objects.filter(page_id__in=Page.objects.values("id"))
    rows += json.loads(serializers.serialize("json", history, use_natural_foreign_keys=True))
    return json.dumps(rows).encode()


def write_archive(path):
    data = dump_data()
    media_root = Path(settings.MEDIA_ROOT)
    files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
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


def _add_bytes(tar, name, payload):
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mtime = int(datetime.now().timestamp())
    tar.addfile(info, io.BytesIO(payload))
