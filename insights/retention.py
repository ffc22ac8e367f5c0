"""Daily counts and readers' notes are deleted after the months set in Settings › Insights settings."""

from datetime import timedelta

from wagtail.models import Site

from .models import HelpfulDay, HelpfulNote, InsightsSettings, LeadDay, PageViewDay, SearchMissDay

MODELS = (PageViewDay, SearchMissDay, LeadDay, HelpfulDay, HelpfulNote)


def cutoff(today):
    site = Site.objects.filter(is_default_site=True).first()
    months = InsightsSettings.for_site(site).keep_months if site else 13
    # A month is counted as 31 days so nothing goes a day early.
    return today - timedelta(days=31 * months), months


def purge(today, dry_run=False):
    """Delete rows from before the cut-off; returns (cut-off day, months, rows deleted or to delete)."""
    before, months = cutoff(today)
    total = 0
    for model in MODELS:
        old = model.objects.filter(day__lt=before)
        total += old.count() if dry_run else old.delete()[0]
    return before, months, total
