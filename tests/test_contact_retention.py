"""Enquiries are deleted once the retention period the therapist set has passed."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from contact.models import ContactSubmission, EnquirySettings
from tests.contact_helpers import contact_page


def enquiry_aged(days):
    enquiry = ContactSubmission.objects.create(page=contact_page(), form_data={"your_name": f"{days} days old"})
    ContactSubmission.objects.filter(pk=enquiry.pk).update(submit_time=timezone.now() - timedelta(days=days))
    return enquiry


def purge(*args):
    out = StringIO()
    call_command("purge_enquiries", *args, stdout=out)
    return out.getvalue()


def remaining():
    return sorted(ContactSubmission.objects.values_list("form_data__your_name", flat=True))


@pytest.fixture
def enquiries(demo):
    return [enquiry_aged(days) for days in (2, 100, 179, 181, 400)]


def test_purge_deletes_enquiries_older_than_180_days_by_default_and_says_how_many(enquiries):
    output = purge()
    assert "Deleted 2 enquiries in all." in output
    assert "older than 180 days" in output
    assert remaining() == ["100 days old", "179 days old", "2 days old"]


def test_purge_follows_the_retention_period_set_in_the_admin(enquiries):
    settings = EnquirySettings.for_site(Site.objects.get(is_default_site=True))
    settings.retention_days = 30
    settings.save()
    assert "Deleted 4 enquiries in all." in purge()
    assert remaining() == ["2 days old"]


def test_dry_run_only_counts(enquiries):
    assert "Would delete 2 enquiries in all." in purge("--dry-run")
    assert len(remaining()) == 5


def test_nothing_to_delete_is_said_plainly(demo):
    assert "Deleted 0 enquiries in all." in purge()


@pytest.mark.parametrize("days", [0, 6, 4000])
def test_retention_period_must_be_sensible(demo, days):
    settings = EnquirySettings.for_site(Site.objects.get(is_default_site=True))
    settings.retention_days = days
    with pytest.raises(ValidationError):
        settings.full_clean()
