"""Which times a visitor may ask for: the therapist's weekly windows, in UK time, minus what is taken.

Only on days the practice works (practice.facts.PracticeFacts.works_on): never
during the holiday, never on a day its opening hours show as closed. Those
are facts of Settings › Availability and opening hours, typed there once.

Windows are wall-clock times in Europe/London, so a Tuesday 12:00 call is at
12:00 on the clock whether Britain is on GMT or BST; each time is turned into
UTC for storage on its own date. A local time that does not exist (the hour
skipped in March) is never offered; one that happens twice (October) is
offered once, the first time.

A constant number of queries whatever the history: the windows and blocked
dates come with the page (prefetched), the practice's days from the facts
snapshot the page's footer reads anyway, and one indexed query reads the
active requests inside the bookable range, never past ones.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from booking import clock
from booking.clock import LONDON

KEY = re.compile(r"(\d{8})T(\d{4})Z")


@dataclass(frozen=True, order=True)
class Slot:
    starts_at: datetime  # aware, UTC
    ends_at: datetime

    @property
    def key(self):
        """How a time travels in the form: its UTC start, e.g. 20261208T1200Z."""
        return self.starts_at.astimezone(UTC).strftime("%Y%m%dT%H%MZ")

    @property
    def local_start(self):
        return self.starts_at.astimezone(LONDON)

    @property
    def local_end(self):
        return self.ends_at.astimezone(LONDON)

    @property
    def day(self):
        return self.local_start.date()


def parse_key(text):
    """The UTC start a form value names, or None for anything that is not a well-formed time."""
    match = KEY.fullmatch(text or "")
    if not match:
        return None
    try:
        return datetime.strptime(match[1] + match[2], "%Y%m%d%H%M").replace(tzinfo=UTC)
    except ValueError:
        return None


def _local(day, wall_time):
    """That wall-clock time in London on that day, or None if the clocks skip it."""
    naive = datetime.combine(day, wall_time)
    aware = naive.replace(tzinfo=LONDON)
    if aware.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None) != naive:
        return None  # inside the hour skipped when the clocks go forward
    return aware


@dataclass
class Availability:
    """Every time the page offers from now on, and which of them are free."""

    page: object
    now: datetime
    candidates: list  # every slot on the grid, after the notice, within the range
    taken: set  # UTC starts of slots an active request overlaps

    @property
    def free(self):
        return [slot for slot in self.candidates if slot.starts_at not in self.taken]

    def by_day(self, slots=None):
        """[(date, [slots])] in order, for one group of radio buttons per day."""
        days = {}
        for slot in self.free if slots is None else slots:
            days.setdefault(slot.day, []).append(slot)
        return list(days.items())

    def find(self, starts_at):
        return next((slot for slot in self.candidates if slot.starts_at == starts_at), None)

    def nearest_free(self, starts_at, count=6):
        """The free times closest to one that was taken, in time order."""
        free = sorted(self.free, key=lambda slot: abs((slot.starts_at - starts_at).total_seconds()))
        return sorted(free[:count])


def grid(page, first_day, last_day, earliest, works_on=lambda day: True):
    """Every slot the windows make between two dates (London dates), none starting before ``earliest``,
    on the days ``works_on`` allows (it is given London dates, so a holiday runs midnight to midnight UK time)."""
    length = timedelta(minutes=page.call_minutes)
    step = length + timedelta(minutes=page.gap_minutes)
    windows = list(page.windows.all())
    blocked = list(page.blocked_dates.all())
    slots = []
    day = first_day
    while day <= last_day:
        if works_on(day) and not any(block.covers(day) for block in blocked):
            for window in windows:
                if window.weekday != day.weekday():
                    continue
                cursor = datetime.combine(day, window.starts)
                end = datetime.combine(day, window.ends)
                while cursor + length <= end:
                    start = _local(day, cursor.time())
                    if start is not None and start >= earliest:
                        utc_start = start.astimezone(UTC)
                        slots.append(Slot(utc_start, utc_start + length))
                    cursor += step
        day += timedelta(days=1)
    return sorted(set(slots))


def availability(page, now=None, facts=None):
    """``facts``: the practice facts already read for this request (practice.facts.facts_for_request);
    without them, those of the page's site are read."""
    from booking.models import CallRequest
    from practice.facts import PracticeFacts

    now = now or clock.now()
    facts = facts or PracticeFacts(site=page.get_site())
    earliest = now + timedelta(hours=page.notice_hours)
    today = now.astimezone(LONDON).date()
    candidates = grid(page, today, today + timedelta(weeks=page.weeks_ahead), earliest, facts.works_on)
    taken = set()
    if candidates:
        longest = timedelta(hours=3)  # no call is longer (call_minutes is at most 120): bounds the range read
        held = CallRequest.objects.filter(
            status__in=CallRequest.ACTIVE,
            starts_at__gte=candidates[0].starts_at - longest,
            starts_at__lt=candidates[-1].ends_at,
        ).exclude(
            # An unconfirmed request whose hold has ended gives its time back at once, not when the timer
            # next deletes it; asking for that time deletes it (holding.py).
            status=CallRequest.Status.UNCONFIRMED, hold_until__lte=now,
        ).values_list("starts_at", "ends_at")
        for held_start, held_end in held:
            for slot in candidates:
                if slot.starts_at < held_end and held_start < slot.ends_at:
                    taken.add(slot.starts_at)
    return Availability(page, now, candidates, taken)
