"""Delete call requests older than the booking page's "delete after" days past the call. Run daily (see README)."""

from django.core.management.base import BaseCommand

from booking.tasks import purge_old


class Command(BaseCommand):
    help = "Delete call requests whose call was longer ago than the number of days set on the booking page."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only say how many would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        count = purge_old(dry_run=dry_run)
        self.stdout.write(self.style.SUCCESS(f"{'Would delete' if dry_run else 'Deleted'} {count} call request{'s' * (count != 1)}."))
