"""Read a whole backup archive and check it before anything is restored from it.

The archive must decompress to its very end, hold a manifest and data.json,
every row must name a model this site has, the counts must match the
manifest, and every media file must be a plain file that stays inside the
media folder. Media files are unpacked into a staging folder given by the
caller; nothing in the database or the media folder changes here.
"""

import gzip
import json
import shutil
import tarfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps

from backups.archive import DATA_NAME, MANIFEST_NAME, MEDIA_PREFIX, SEARCH_INDEX_APP

MB = 1024 * 1024
# data.json is held in memory and parsed whole: a damaged or hostile archive
# must not be able to claim more than a real site's rows ever take.
MAX_DATA_BYTES = 512 * MB
MAX_MANIFEST_BYTES = MB
# tarfile keeps a record of every member it has read.
MAX_MEMBERS = 200_000
# After the last file a tar archive holds only zero blocks of padding.
MAX_TRAILING_BYTES = MB
# Unpacked media must leave room on the disk for the site to keep running.
SPARE_DISK_BYTES = 256 * MB


class BadArchive(Exception):
    """The archive cannot be restored; the message says why, in one sentence."""


@dataclass
class Backup:
    manifest: dict
    data: bytes  # data.json, ready for loaddata
    media: list = field(default_factory=list)  # file paths, relative to the staging folder


@dataclass
class _Found:
    manifest: bytes = None
    data: bytes = None
    media: list = field(default_factory=list)
    media_bytes: int = 0


def unpack(path, staging):
    """Check the archive at `path` and unpack its media files into `staging`."""
    try:
        found = _read_archive(path, Path(staging))
    except gzip.BadGzipFile:
        raise BadArchive("it is not gzip-compressed, so it was not made by manage.py backup.") from None
    except EOFError:
        raise BadArchive("it is incomplete: the file ends part-way through (was it copied in full?).") from None
    except (tarfile.TarError, zlib.error, OSError) as error:
        raise BadArchive(f"it is damaged and cannot be read ({_one_line(error)}).") from None
    return _checked(found)


def _read_archive(path, staging):
    with open(path, "rb") as raw, gzip.GzipFile(fileobj=raw) as stream:
        with tarfile.open(fileobj=_ReadLimit(stream), mode="r:") as tar:
            found = _read_members(tar, staging)
        # Reading on to the end checks the gzip checksum and length of the whole file.
        if len(stream.read(MAX_TRAILING_BYTES + 1)) > MAX_TRAILING_BYTES:
            raise BadArchive("it holds unexpected data after its last file.")
    return found


class _ReadLimit:
    """The decompressed archive, refusing any single read larger than data.json may be:
    tarfile reads some headers whole into memory, and a header can claim any size."""

    def __init__(self, stream):
        self._stream = stream

    def read(self, size=-1):
        if size is None or size < 0 or size > MAX_DATA_BYTES:
            raise BadArchive("it has a header that claims more than a backup can hold.")
        return self._stream.read(size)

    def seek(self, offset, whence=0):
        return self._stream.seek(offset, whence)

    def tell(self):
        return self._stream.tell()


def _read_members(tar, staging):
    found = _Found()
    free = shutil.disk_usage(staging).free - SPARE_DISK_BYTES
    for count, member in enumerate(tar, start=1):
        if count > MAX_MEMBERS:
            raise BadArchive(f"it holds more than {MAX_MEMBERS:,} files, more than a backup of this site can.")
        if member.name == MANIFEST_NAME:
            found.manifest = _read_whole(tar, member, found.manifest, MAX_MANIFEST_BYTES)
        elif member.name == DATA_NAME:
            found.data = _read_whole(tar, member, found.data, MAX_DATA_BYTES)
        elif member.name.startswith(MEDIA_PREFIX):
            _stage_media(tar, member, staging, found, free)
        else:
            raise BadArchive(f"it holds {member.name!r}, which no backup contains.")
    return found


def _read_whole(tar, member, earlier, limit):
    if earlier is not None:
        raise BadArchive(f"it holds {member.name} twice.")
    if not member.isfile():
        raise BadArchive(f"its {member.name} is not a plain file.")
    if member.size > limit:
        raise BadArchive(f"its {member.name} would unpack to {_size(member.size)}, "
                         f"more than the {_size(limit)} a backup's {member.name} may hold.")
    return tar.extractfile(member).read()


def _stage_media(tar, member, staging, found, free):
    if member.isdir():
        return  # folders are made as their files need them
    if not member.isfile():
        raise BadArchive(f"its {member.name!r} is not a plain file.")
    inside = member.replace(name=member.name[len(MEDIA_PREFIX):], deep=False)
    try:
        # Python's "data" filter: no absolute paths, nothing outside the folder.
        inside = tarfile.data_filter(inside, str(staging))
    except tarfile.FilterError:
        raise BadArchive(f"its {member.name!r} points outside the media folder.") from None
    found.media_bytes += member.size
    if found.media_bytes > free:
        raise BadArchive(f"its media files need more than the {_size(max(free, 0))} free on the disk "
                         "of the media folder.")
    tar.extract(inside, staging, set_attrs=False, filter="data")
    found.media.append(inside.name)


def _checked(found):
    if found.manifest is None:
        raise BadArchive("it has no manifest.json, so it was not made by manage.py backup.")
    if found.data is None:
        raise BadArchive("it has no data.json, the file holding the database rows.")
    manifest = _manifest(found.manifest)
    rows = _rows(found.data)
    if len(rows) != manifest["objects"]:
        raise BadArchive(f"its data.json holds {len(rows):,} rows but its manifest lists {manifest['objects']:,}.")
    if len(found.media) != manifest["media_files"]:
        raise BadArchive(f"it holds {len(found.media):,} media files but its manifest lists {manifest['media_files']:,}.")
    # Older archives hold the search index too; it is rebuilt after a restore.
    kept = [row for row in rows if row["model"].partition(".")[0] != SEARCH_INDEX_APP]
    _check_models(kept)
    data = found.data if len(kept) == len(rows) else json.dumps(kept).encode()
    return Backup(manifest=manifest, data=data, media=found.media)


def _manifest(payload):
    try:
        manifest = json.loads(payload)
    except ValueError:
        manifest = None
    if not isinstance(manifest, dict) or not all(isinstance(manifest.get(key), int) for key in ("objects", "media_files")):
        raise BadArchive("its manifest.json is not a backup's manifest.")
    return manifest


def _rows(payload):
    try:
        rows = json.loads(payload)
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError both are
        raise BadArchive(f"its data.json is not valid JSON ({_one_line(error)}).") from None
    if not isinstance(rows, list):
        raise BadArchive("its data.json is not a list of database rows.")
    for number, row in enumerate(rows, start=1):
        if not (isinstance(row, dict) and isinstance(row.get("model"), str) and isinstance(row.get("fields"), dict)):
            raise BadArchive(f"its data.json row {number:,} is not a database row.")
    return rows


def _check_models(rows):
    for label in sorted({row["model"] for row in rows}):
        try:
            apps.get_model(label)
        except (LookupError, ValueError):
            raise BadArchive(f"its data.json holds rows of {label!r}, which this site has no table for.") from None


def _size(count):
    return f"{count / MB:,.0f} MB" if count >= MB else f"{count:,} bytes"


def _one_line(error):
    return " ".join(str(error).split())
