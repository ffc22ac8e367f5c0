"""A request counts only once its visitor has confirmed it from the e-mail it sends.

Anyone can type any e-mail address, so a request nobody confirms may be made
up. Until it is confirmed it does not count toward the cap on requests
waiting for the therapist's answer, she is not told of it, and it holds its
time only for HOLD; then the timed tasks delete it. Made-up requests therefore
can never close booking for everyone else.

Holding the time before confirmation is a choice: without it, two visitors
could both ask for one time and the slower to confirm would lose it after
doing everything asked. With it, an outsider could hold times with requests
never meant to be confirmed. So the hold is short and each holder is bounded:
one unconfirmed request per e-mail address and one per connection (the
address the rate limit counts), the newer replacing the older. A visitor who
mistyped their address or changed their mind simply asks again, and an
outsider holds at most one time per address they send from, for HOLD, however
many requests they send.
"""

import hashlib
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from wagtail.models import Page

from booking import clock, emails
from booking.models import CallRequest
from contact.ratelimit import visitor

# Long enough to find the e-mail (even in a spam folder) and press its link; short enough that a
# time held by someone who never confirms is soon offered to others again.
HOLD = timedelta(minutes=30)
HOLD_MINUTES = int(HOLD.total_seconds() // 60)

Status = CallRequest.Status


class Gone(Exception):
    """The request is no longer there: not confirmed in time (or replaced by a newer one), and deleted."""


class Full(Exception):
    """Confirming it would pass the therapist's cap on requests waiting for her answer."""


def visitor_key(request):
    """Who holds a time: a keyed hash of the connection's address, never the address itself."""
    return hashlib.sha256(f"{settings.SECRET_KEY}|booking-hold|{visitor(request)}".encode()).hexdigest()[:32]


def hold_ended(call_request, now=None):
    return call_request.hold_until is not None and call_request.hold_until <= (now or clock.now())


def still_held(now):
    """Unconfirmed requests whose time is still held."""
    return CallRequest.objects.filter(status=Status.UNCONFIRMED, hold_until__gt=now)


def lapsed(now):
    """Unconfirmed requests whose hold has ended: they hold nothing and are deleted."""
    return CallRequest.objects.filter(status=Status.UNCONFIRMED, hold_until__lte=now)


def confirm(call_request):
    """Make an unconfirmed request wait for the therapist's answer and tell her; returns the request.

    Raises Gone when it was deleted meanwhile, Full when the cap was reached meanwhile. A request
    already confirmed is returned unchanged, so pressing the button twice does nothing more.
    """
    with transaction.atomic():
        # The same queue as new requests (holding.py), so the cap stays exact.
        list(Page.objects.select_for_update().filter(pk=call_request.page_id).values_list("pk", flat=True))
        current = CallRequest.objects.filter(pk=call_request.pk).first()
        if current is None:
            raise Gone
        if current.status != Status.UNCONFIRMED:
            return current
        # A hold that ended is still confirmed while the request exists: nobody else has the time, since
        # asking for it deletes the lapsed request first.
        waiting = CallRequest.objects.filter(page_id=current.page_id, status__in=CallRequest.OPEN).count()
        if waiting >= current.page.max_waiting:
            raise Full
        now = clock.now()
        CallRequest.objects.filter(pk=current.pk, status=Status.UNCONFIRMED).update(
            status=Status.WAITING, waiting_since=now, hold_until=None, held_for="",
        )
        current.refresh_from_db()
        transaction.on_commit(partial(emails.notify_therapist, current), robust=True)
    return current
