"""The one place booking code asks the time, so tests can move it (the weeks the clocks change)."""

from zoneinfo import ZoneInfo

from django.utils import timezone

# Visitors and the therapist think in UK time; the database stores UTC.
LONDON = ZoneInfo("Europe/London")


def now():
    return timezone.now()
