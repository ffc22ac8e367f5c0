"""An enquiry as stored: the visitor's answers, plus what became of the e-mail about it."""

from django.db import models
from wagtail.contrib.forms.models import AbstractFormSubmission


class ContactSubmission(AbstractFormSubmission):
    class Notification(models.TextChoices):
        PENDING = "pending", "Not sent yet"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed: read the enquiry here"
        NO_ADDRESS = "none", "Not sent: no address set"
        NOT_SET_UP = "off", "Not sent: e-mail is not set up"

    # The form's signed one-time token combined with the answers (contact/tokens.py); unique,
    # so the same form sent twice is stored once, and an edited resend is a new enquiry.
    token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    notification = models.CharField(
        "E-mail to you", max_length=8, choices=Notification.choices, default=Notification.PENDING,
    )
    # When the therapist first opened it in the inbox; empty while it is new.
    read_at = models.DateTimeField("Read", null=True, blank=True, editable=False)

    class Meta(AbstractFormSubmission.Meta):
        verbose_name = "enquiry"
        verbose_name_plural = "enquiries"
        # The nightly clean-up deletes by date.
        indexes = [models.Index(fields=["submit_time"], name="contact_enquiry_time_idx")]

    @property
    def is_new(self):
        return self.read_at is None

    def get_data(self):
        return {**super().get_data(), "notification": self.get_notification_display()}
