"""Delete insight counts older than the months set in Settings › Insights settings. Run daily (see README)."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.formats import date_format

from insights.retention import purge


class Command(BaseCommand):
    help = "Delete daily visit counts and readers' answers older than the period in Settings › Insights settings (13 months)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only say how many would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        before, months, count = purge(timezone.localdate(), dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(self.style.SUCCESS(
            f"{verb} {count} insight rows from before {date_format(before, 'j F Y')} (kept: {months} months)."
        ))
