"""Bring a backup archive back into an empty database.

The whole archive is read and checked before anything changes. The database
is then emptied and refilled in one transaction, so an archive whose rows
cannot be loaded leaves the old database exactly as it was; media files are
unpacked to a staging folder and moved into place only once that transaction
has committed.
"""

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from wagtail.models import Page

from backups.archive import STAGING_PREFIX
from backups.unpack import BadArchive, unpack


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` into an empty database (runs migrate first)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path to a practice-backup-….tar.gz file.")
        parser.add_argument("--force", action="store_true", help="Empty a database that already has content first.")

    def handle(self, *args, archive, force=False, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No backup file at {path}.")
        media_root = Path(settings.MEDIA_ROOT)
        with _staging_folder(media_root) as staging:
            try:
                backup = unpack(path, staging)
            except BadArchive as error:
                raise CommandError(f"Nothing was restored from {path.name}: {error}") from None
            call_command("migrate", interactive=False, verbosity=0)
            if _has_content() and not force:
                raise CommandError("This database already has pages. Restore into an empty database, or add --force to replace them.")
            try:
                _replace_database(backup.data)
            except Exception as error:  # whatever failed, the transaction was rolled back
                raise CommandError(f"Nothing was restored from {path.name}: its rows could not be loaded "
                                   f"({_one_line(error)}).") from None
            _move_into_place(staging, media_root, backup.media)
        manifest = backup.manifest
        self.stdout.write(self.style.SUCCESS(
            f"Restored {manifest['objects']} database rows and {manifest['media_files']} media files from {path} "
            f"(backup made {manifest.get('created', 'at an unknown time')})."
        ))


def _has_content():
    """A freshly migrated database holds only Wagtail's root and its plain
    "Welcome" page; any page of our own types means real content."""
    return Page.objects.exclude(content_type=ContentType.objects.get_for_model(Page)).exists()


def _replace_database(data):
    with tempfile.NamedTemporaryFile(suffix=".json") as fixture:  # created owner-only: it holds enquiries
        fixture.write(data)
        fixture.flush()
        with transaction.atomic():
            # Migrations seed rows the backup also holds (root page, default
            # groups, locale, collection), under ids that differ between
            # databases: empty every table so the backup's own rows go back as
            # they were. flush's DELETE (SQLite) or TRUNCATE (PostgreSQL) runs
            # on this connection, inside this transaction, so it is undone too.
            call_command("flush", interactive=False, verbosity=0)
            try:
                call_command("loaddata", fixture.name, verbosity=0)
            except Exception as error:
                error.args = (str(error).replace(fixture.name, "data.json"),)
                raise
            _reset_search_index()
            call_command("update_index", verbosity=0)


def _reset_search_index():
    """Start the search index afresh: loading rows leaves SQLite's full-text
    table out of step with the index entries, so empty both before rebuilding."""
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in ("wagtailsearch_indexentry", "wagtailsearch_indexentry_fts"):
            if table in tables:
                cursor.execute(f"DELETE FROM {table}")


@contextmanager
def _staging_folder(media_root):
    """A private folder inside the media folder (so files move into place by
    renaming them), removed afterwards whatever happened."""
    media_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=media_root))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move_into_place(staging, media_root, names):
    """Existing files of the same name are replaced; other existing files stay."""
    folder_mode = settings.FILE_UPLOAD_DIRECTORY_PERMISSIONS or 0o755
    file_mode = settings.FILE_UPLOAD_PERMISSIONS or 0o644
    for name in names:
        target = media_root / name
        _make_folders(media_root, target.parent, folder_mode)
        os.replace(staging / name, target)
        # The web server in front serves uploads as its own user.
        os.chmod(target, file_mode)


def _make_folders(media_root, folder, mode):
    missing = []
    while folder != media_root and not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        os.chmod(path, mode)  # mkdir's mode is narrowed by the umask


def _one_line(error):
    return " ".join(str(error).split())
