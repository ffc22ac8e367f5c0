"""The secret address of the therapist's calendar feed, kept apart from the page.

Not a page field: publishing an old revision would bring a revoked address back.
"""

import secrets

from django.db import models


def new_key():
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    page = models.OneToOneField("booking.BookingPage", on_delete=models.CASCADE, related_name="calendar_feed")
    key = models.CharField(max_length=64, unique=True, default=new_key)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "calendar feed"

    def __str__(self):
        return "Private calendar address"  # never the key itself: it is the secret

    def renew(self):
        """A new address; the old one stops working at once."""
        self.key = new_key()
        self.save(update_fields=["key", "created_at"])
