"""Delete enquiries older than the retention period set in Settings › Enquiry settings. Run it daily (see README)."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.formats import date_format

from contact.retention import purge_expired


class Command(BaseCommand):
    help = "Delete enquiries older than the retention period set in Settings › Enquiry settings (default 180 days)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only say how many would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        results = purge_expired(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        for result in results:
            before = date_format(timezone.localtime(result.cutoff), "j F Y")
            self.stdout.write(
                f"{result.page.title}: {verb.lower()} {result.count} enquir{'y' if result.count == 1 else 'ies'} "
                f"older than {result.days} days (sent before {before})."
            )
        total = sum(result.count for result in results)
        self.stdout.write(self.style.SUCCESS(f"{verb} {total} enquir{'y' if total == 1 else 'ies'} in all."))
