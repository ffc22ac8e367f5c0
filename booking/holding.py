"""Storing a request so that it holds its time at once, and no two active requests ever hold one time.

A new request is unconfirmed: it holds its time only briefly, until its
visitor confirms it from the e-mail it sends (booking/confirming.py says why).

The database decides, not the code: a partial unique index on the start of
every active request (models/request.py) lets exactly one of any number of
simultaneous requests for a time commit, on SQLite (writes serialised by
IMMEDIATE transactions) and PostgreSQL alike. The row is committed before the
visitor is thanked and before any e-mail is tried.
"""

from django.db import IntegrityError, transaction
from django.db.models import Q
from wagtail.models import Page

from booking import clock, confirming
from booking.models import CallRequest


class Taken(Exception):
    """Another active request holds that time."""


class Full(Exception):
    """The cap on requests waiting for an answer was reached meanwhile."""


class AlreadyStored(Exception):
    """This very form was sent before (a double click, a reload)."""

    def __init__(self, existing):
        self.existing = existing


def hold(page, form, holder):
    """Store the request, unconfirmed, holding its time; ``holder`` is confirming.visitor_key()."""
    slot, now = form.chosen, clock.now()
    email = form.cleaned_data["email"]
    try:
        with transaction.atomic():
            # PostgreSQL: requests to one page queue here, so the cap is exact
            # (SQLite already serialises every write transaction).
            list(Page.objects.select_for_update().filter(pk=page.pk).values_list("pk", flat=True))
            token = form.token()
            existing = CallRequest.objects.filter(token=token).first() if token else None
            if existing:
                raise AlreadyStored(existing)  # a double click whose first press got here first
            if CallRequest.objects.filter(page=page, status__in=CallRequest.OPEN).count() >= page.max_waiting:
                raise Full
            # Lapsed holds give their time back; this visitor's earlier unconfirmed request is replaced.
            confirming.lapsed(now).filter(page=page).delete()
            CallRequest.objects.filter(page=page, status=CallRequest.Status.UNCONFIRMED).filter(
                Q(email__iexact=email) | Q(held_for=holder),
            ).delete()
            return CallRequest.objects.create(
                page=page, status=CallRequest.Status.UNCONFIRMED, hold_until=now + confirming.HOLD, held_for=holder,
                starts_at=slot.starts_at, ends_at=slot.ends_at, way=form.cleaned_data["way"],
                name=form.cleaned_data["name"], email=email,
                phone=form.cleaned_data.get("phone") or "", service=form.service_title(),
                note=form.cleaned_data.get("note") or "", token=token,
            )
    except IntegrityError:
        token = form.token()
        existing = CallRequest.objects.filter(token=token).first() if token else None
        if existing:
            raise AlreadyStored(existing) from None
        raise Taken from None
