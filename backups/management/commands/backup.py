"""Write the database and the uploaded media to one dated archive."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from backups.archive import archive_name, write_archive


class Command(BaseCommand):
    help = "Back up every page, setting, image and enquiry to archives/practice-backup-<date>.tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default=str(Path(settings.BASE_DIR) / "archives"),
                            help="Folder for the archive (default: archives/).")

    def handle(self, *args, output_dir, **options):
        folder = Path(output_dir)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = folder / archive_name()
        manifest = write_archive(path)  # creates the file owner-only (0600) before writing to it
        self.stdout.write(self.style.SUCCESS(
            f"Backed up {manifest['objects']} database rows and {manifest['media_files']} media files to {path}"
        ))
