"""An enquiry as stored: the visitor's answers, plus what became of the e-mail about it."""

from django.db import models
from wagtail.contrib.forms.models import AbstractFormSubmission


class ContactSubmission(AbstractFormSubmission):
    class Notification(models.TextChoices):
        PENDING = "pending", "Not sent yet"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed: read the enquiry here"
        NO_ADDRESS = "none", "Not sent: no address set"

    # The form's one-time token; unique, so the same form sent twice is stored once.
    token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    notification = models.CharField(
        "E-mail to you", max_length=8, choices=Notification.choices, default=Notification.PENDING,
    )

    class Meta(AbstractFormSubmission.Meta):
        verbose_name = "enquiry"
        verbose_name_plural = "enquiries"
        # The nightly clean-up deletes by date.
        indexes = [models.Index(fields=["submit_time"], name="contact_enquiry_time_idx")]

    def get_data(self):
        return {**super().get_data(), "notification": self.get_notification_display()}
