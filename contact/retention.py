"""Deleting enquiries once the retention period the therapist set has passed."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from contact.models import ContactPage, ContactSubmission, EnquirySettings
from contact.models.enquiry_settings import DEFAULT_RETENTION_DAYS


@dataclass
class Purged:
    page: ContactPage
    days: int
    cutoff: object
    count: int


def retention_days(page):
    site = page.get_site()
    return EnquirySettings.for_site(site).retention_days if site else DEFAULT_RETENTION_DAYS


def purge_expired(now=None, dry_run=False):
    """Delete (or, for a dry run, count) each contact page's enquiries older than its site's retention period."""
    now = now or timezone.now()
    results = []
    for page in ContactPage.objects.order_by("path"):
        days = retention_days(page)
        cutoff = now - timedelta(days=days)
        expired = ContactSubmission.objects.filter(page=page, submit_time__lt=cutoff)
        count = expired.count() if dry_run else expired.delete()[0]
        results.append(Purged(page, days, cutoff, count))
    return results
