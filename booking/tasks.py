"""Work done on a timer: deleting unconfirmed requests, closing unanswered ones, reminders, deleting old requests.

Each change is claimed with one conditional UPDATE before its e-mail is sent,
so two runs at once (a timer fired twice, two servers) send each e-mail once.
"""

import logging
from datetime import timedelta

from django.db.models import Q

from booking import clock, confirming, emails
from booking.models import BookingPage, CallRequest

logger = logging.getLogger(__name__)
Status = CallRequest.Status


def delete_unconfirmed(now=None):
    """Requests their visitor did not confirm in time: deleted, with nobody told (the address may be made up)."""
    return confirming.lapsed(now or clock.now()).delete()[0]


def expire_unanswered(now=None):
    """Requests nobody answered in time (or whose time came first) close; the visitor is told."""
    now = now or clock.now()
    count = 0
    for page in BookingPage.objects.all():
        cutoff = now - timedelta(hours=page.answer_within_hours)
        stale = CallRequest.objects.filter(page=page, status__in=CallRequest.OPEN).filter(
            Q(waiting_since__lt=cutoff) | Q(starts_at__lte=now),
        )
        for call_request in stale.select_related("page"):
            claimed = CallRequest.objects.filter(pk=call_request.pk, status=call_request.status).update(status=Status.EXPIRED)
            if claimed:
                call_request.status = Status.EXPIRED
                emails.send_to_visitor(call_request, "expired")
                count += 1
    return count


def send_reminders(now=None):
    """A reminder for each confirmed call in the next 24 hours, exactly once."""
    now = now or clock.now()
    due = CallRequest.objects.filter(
        status=Status.CONFIRMED, reminder_sent_at__isnull=True, starts_at__gt=now, starts_at__lte=now + timedelta(days=1),
    ).select_related("page")
    count = 0
    for call_request in due:
        claimed = CallRequest.objects.filter(pk=call_request.pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now)
        if not claimed:
            continue  # another run has it
        if emails.send_to_visitor(call_request, "reminder"):
            count += 1
        else:  # let the next run try again
            CallRequest.objects.filter(pk=call_request.pk).update(reminder_sent_at=None)
    return count


def purge_old(now=None, dry_run=False):
    """Delete requests whose call was longer ago than the page's "delete after" days."""
    now = now or clock.now()
    total = 0
    for page in BookingPage.objects.all():
        old = CallRequest.objects.filter(page=page, ends_at__lt=now - timedelta(days=page.keep_days))
        total += old.count() if dry_run else old.delete()[0]
    return total
