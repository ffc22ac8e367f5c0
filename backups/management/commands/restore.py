"""Bring a backup archive back into an empty database."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page

from backups.archive import read_archive


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` into an empty database (runs migrate first)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path to a practice-backup-….tar.gz file.")
        parser.add_argument("--force", action="store_true", help="Empty a database that already has content first.")

    def handle(self, *args, archive, force=False, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No backup file at {path}.")
        call_command("migrate", interactive=False, verbosity=0)
        # A freshly migrated database holds only Wagtail's root and its plain
        # "Welcome" page; any page of our own types means real content.
        if Page.objects.exclude(content_type=ContentType.objects.get_for_model(Page)).exists():
            if not force:
                raise CommandError("This database already has pages. Restore into an empty database, or add --force to replace them.")
        # Migrations seed rows the backup also holds (root page, default
        # groups, locale, collection), under ids that differ between
        # databases: empty every table so the backup's own rows go back as they were.
        call_command("flush", interactive=False, verbosity=0)
        manifest, data = read_archive(path, settings.MEDIA_ROOT)
        with tempfile.NamedTemporaryFile(suffix=".json") as fixture:
            fixture.write(data)
            fixture.flush()
            with transaction.atomic():
                call_command("loaddata", fixture.name, verbosity=0)
        _reset_search_index()
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(
            f"Restored {manifest['objects']} database rows and {manifest['media_files']} media files from {path} "
            f"(backup made {manifest['created']})."
        ))


def _reset_search_index():
    """Start the search index afresh: loading rows leaves SQLite's full-text
    table out of step with the index entries, so empty both before rebuilding."""
    from django.db import connection

    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in ("wagtailsearch_indexentry", "wagtailsearch_indexentry_fts"):
            if table in tables:
                cursor.execute(f"DELETE FROM {table}")
