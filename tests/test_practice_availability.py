"""Availability: the status and holiday notice every app reads through practice.availability."""

from datetime import date

import pytest
from wagtail.models import Site

from practice.availability import current_availability
from practice.models import AvailabilitySettings

pytestmark = pytest.mark.django_db


def _settings(**values):
    site = Site.objects.get(is_default_site=True)
    settings = AvailabilitySettings.for_site(site)
    for name, value in values.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    return site


@pytest.mark.parametrize(
    ("values", "label", "taking"),
    [
        ({"status": "taking"}, "Taking new clients", True),
        ({"status": "waiting_list", "waiting_weeks": 4}, "Waiting list: about 4 weeks", True),
        ({"status": "not_taking"}, "Not taking new clients", False),
    ],
)
def test_status_label_and_whether_new_clients_can_come(values, label, taking):
    availability = current_availability(_settings(**values))
    assert availability.status == values["status"]
    assert availability.label == label
    assert availability.taking_new_clients is taking


def test_holiday_notice_shows_only_from_its_notice_date_to_the_last_day_away():
    site = _settings(holiday_starts=date(2026, 12, 22), holiday_ends=date(2027, 1, 3), holiday_notice_from=None)
    assert current_availability(site, today=date(2026, 12, 7)).holiday_notice is None
    assert current_availability(site, today=date(2026, 12, 8)).holiday_notice.startswith("Away 22 Dec – 3 Jan.")
    assert current_availability(site, today=date(2027, 1, 3)).holiday_notice.startswith("Away 22 Dec – 3 Jan.")
    assert current_availability(site, today=date(2027, 1, 4)).holiday_notice is None
