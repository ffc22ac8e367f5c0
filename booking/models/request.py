"""A request for an introductory call: the time it holds, who asked, and what became of it.

Special-category data, like an enquiry: stored before any e-mail is tried,
shown only to those who may read enquiries, deleted a set number of days
after the call. Logs name a request by number only.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from .page import Way


class CallRequest(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", "Not yet confirmed by the visitor"
        WAITING = "waiting", "Waiting for your answer"
        OFFERED = "offered", "Another time offered"
        CONFIRMED = "confirmed", "Confirmed"
        DECLINED = "declined", "Declined"
        EXPIRED = "expired", "Closed: not answered in time"
        CANCELLED = "cancelled", "Cancelled by the visitor"

    class Notification(models.TextChoices):
        PENDING = "pending", "Not sent yet"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed: read the request here"
        NO_ADDRESS = "none", "Not sent: no address set"

    # These statuses hold their time: nobody else may ask for it (an unconfirmed one only until hold_until).
    ACTIVE = (Status.UNCONFIRMED, Status.WAITING, Status.OFFERED, Status.CONFIRMED)
    # These wait for someone's answer and expire when nobody gives it. An unconfirmed request is not
    # among them: until its visitor confirms it, it neither counts toward the cap nor reaches the therapist.
    OPEN = (Status.WAITING, Status.OFFERED)

    page = models.ForeignKey("booking.BookingPage", on_delete=models.CASCADE, related_name="call_requests")
    starts_at = models.DateTimeField("Call time")
    ends_at = models.DateTimeField("Call ends")
    status = models.CharField("Status", max_length=12, choices=Status.choices, default=Status.WAITING)
    way = models.CharField("Way to meet", max_length=8, choices=Way.choices)
    name = models.CharField("Name", max_length=255)
    email = models.EmailField("E-mail address", max_length=254)
    phone = models.CharField("Phone number", max_length=40, blank=True)
    service = models.CharField("Interested in", max_length=255, blank=True)
    note = models.TextField("Note", blank=True)
    # The form's one-time token: the same form sent twice is stored once.
    token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField("Asked on", default=timezone.now)
    # Since when someone's answer is awaited (the request, or the offer of another time).
    waiting_since = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField("Answered on", null=True, blank=True)
    answer_message = models.TextField("Your message", blank=True)
    notification = models.CharField(
        "E-mail to you", max_length=8, choices=Notification.choices, default=Notification.PENDING,
    )
    # An unconfirmed request holds its time until then; afterwards it is ignored, then deleted.
    hold_until = models.DateTimeField(null=True, blank=True, editable=False)
    # A keyed hash of the address an unconfirmed request came from (booking/confirming.py), so that one
    # address holds one time at once. Emptied on confirmation: a confirmed request keeps no trace of it.
    held_for = models.CharField(max_length=64, blank=True, editable=False)
    # Set, in one UPDATE, by whichever run of the reminder command sends the reminder: never twice.
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "call request"
        ordering = ["-created_at"]
        constraints = [
            # The guarantee against double booking: the database itself refuses a
            # second active request for a time, whichever worker or server sends it.
            models.UniqueConstraint(
                fields=["starts_at"], condition=Q(status__in=["unconfirmed", "waiting", "offered", "confirmed"]),
                name="booking_one_active_request_per_time",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "starts_at"], name="booking_status_time_idx"),
            models.Index(fields=["ends_at"], name="booking_ends_idx"),
        ]

    def __str__(self):
        return f"Call request {self.pk}"

    @property
    def is_active(self):
        return self.status in self.ACTIVE

    @property
    def calendar_title(self):
        """What the therapist's calendar shows: an initial and the way, nothing about health."""
        initial = (self.name.strip()[:1] or "?").upper()
        return f"Intro call – {initial}. ({self.get_way_display().split()[0].lower()})"
