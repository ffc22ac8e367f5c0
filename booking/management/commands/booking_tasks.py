"""Close unanswered call requests and send the day-before reminders. Run every few minutes (see README)."""

from django.core.management.base import BaseCommand

from booking.tasks import expire_unanswered, send_reminders


class Command(BaseCommand):
    help = "Close call requests not answered in time (telling the visitor) and send reminders for tomorrow's calls, once each."

    def handle(self, *args, **options):
        expired = expire_unanswered()
        reminded = send_reminders()
        self.stdout.write(f"Closed {expired} unanswered request{'s' * (expired != 1)}; sent {reminded} reminder{'s' * (reminded != 1)}.")
