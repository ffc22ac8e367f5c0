"""What the therapist and the visitor can do to a request once it is stored.

Each change is one conditional UPDATE (only from the status it expects), so two
clicks, two tabs or a timer running at the same moment change a request once
and send its e-mail once. E-mails go after the change is committed.
"""

from functools import partial

from django.db import IntegrityError, transaction

from booking import clock, emails
from booking.models import CallRequest

Status = CallRequest.Status


class Refused(Exception):
    """The request is no longer in a state that allows this (someone else acted first)."""


def _change(call_request, expected, email=None, **changes):
    with transaction.atomic():
        done = CallRequest.objects.filter(pk=call_request.pk, status__in=expected).update(**changes)
        if not done:
            raise Refused
        for name, value in changes.items():
            setattr(call_request, name, value)
        if email:
            transaction.on_commit(partial(email, call_request), robust=True)
    return call_request


def accept(call_request, message=""):
    return _change(
        call_request, [Status.WAITING], partial(emails.send_to_visitor, kind="confirmed"),
        status=Status.CONFIRMED, answer_message=message, answered_at=clock.now(),
    )


def decline(call_request, message=""):
    return _change(
        call_request, [Status.WAITING], partial(emails.send_to_visitor, kind="declined"),
        status=Status.DECLINED, answer_message=message, answered_at=clock.now(),
    )


def offer(call_request, slot, message=""):
    """Move the held time to another one; the visitor accepts it from their e-mail. Raises Taken-like IntegrityError."""
    now = clock.now()
    try:
        return _change(
            call_request, [Status.WAITING], partial(emails.send_to_visitor, kind="offered"),
            status=Status.OFFERED, starts_at=slot.starts_at, ends_at=slot.ends_at, answer_message=message,
            answered_at=now, waiting_since=now,
        )
    except IntegrityError:
        raise Refused("That time has just been taken.") from None


def visitor_accepts(call_request):
    return _change(
        call_request, [Status.OFFERED], partial(emails.send_to_visitor, kind="confirmed"), status=Status.CONFIRMED,
    )


def visitor_cancels(call_request):
    return _change(call_request, list(CallRequest.ACTIVE), emails.notify_cancelled, status=Status.CANCELLED)
