"""Delete unconfirmed call requests, close unanswered ones and send the day-before reminders. Run every few minutes (see README)."""

from django.core.management.base import BaseCommand

from booking.tasks import delete_unconfirmed, expire_unanswered, send_reminders


class Command(BaseCommand):
    help = "Delete call requests not confirmed in time, close call requests not answered in time (telling the visitor) and send reminders for tomorrow's calls, once each."

    def handle(self, *args, **options):
        unconfirmed = delete_unconfirmed()
        expired = expire_unanswered()
        reminded = send_reminders()
        self.stdout.write(f"Deleted {unconfirmed} unconfirmed request{'s' * (unconfirmed != 1)}; closed {expired} unanswered request{'s' * (expired != 1)}; sent {reminded} reminder{'s' * (reminded != 1)}.")
