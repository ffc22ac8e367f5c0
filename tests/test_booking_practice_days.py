"""Calls are offered only when the practice says it works: never during the holiday set in
Settings › Availability and opening hours, never on a day its opening hours show as closed."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from booking import clock
from booking.clock import LONDON
from booking.models import AvailabilityWindow
from practice.models import AvailabilitySettings, OpeningHours
from tests.helpers import soup
from tests.test_booking_support import BOOKING_URL, answers, booking_page, offered_times, send, visitor_requests

NOT_OFFERED = "That time is not one of the times offered now."
EVERY_DAY = [("0", "6", "09:00", "17:00")]


@pytest.fixture
def therapist(editor):
    """The therapist, signed in to the admin in a browser of her own."""
    browser = Client()
    browser.force_login(editor)
    return browser


def save_availability(therapist, holiday=None, hours=None):
    """Settings › Availability and opening hours saved as in the admin: a holiday (first, last day) or none,
    and, when ``hours`` is given, those opening hours in place of the ones there now."""
    site = Site.objects.get(is_default_site=True)
    settings = AvailabilitySettings.for_site(site)
    existing = list(OpeningHours.objects.filter(settings=settings))
    if hours is None:
        rows = [{"id": row.pk, "first_day": row.first_day, "last_day": "" if row.last_day is None else row.last_day,
                 "opens": row.opens.strftime("%H:%M"), "closes": row.closes.strftime("%H:%M")} for row in existing]
    else:
        rows = [{"id": row.pk, "first_day": row.first_day, "last_day": "", "opens": "09:00", "closes": "17:00",
                 "DELETE": "1"} for row in existing]
        rows += [{"id": "", "first_day": first, "last_day": last, "opens": opens, "closes": closes}
                 for first, last, opens, closes in hours]
    first, last = holiday or ("", "")
    response = therapist.post(
        reverse("wagtailsettings:edit", args=["practice", "availabilitysettings", site.pk]),
        nested_form_data({
            "status": "taking", "waiting_weeks": "", "not_taking_message": settings.not_taking_message,
            "holiday_starts": first and first.isoformat(), "holiday_ends": last and last.isoformat(),
            "holiday_notice_from": "", "holiday_message": "",
            "opening_hours": inline_formset(rows, initial=len(existing)),
        }),
    )
    assert response.status_code == 302, "the setting was saved"


def uk_day(key):
    """The UK date of an offered time (its value is the UTC start, e.g. 20261219T1200Z)."""
    return datetime.strptime(key, "%Y%m%dT%H%MZ").replace(tzinfo=UTC).astimezone(LONDON).date()


def uk_today():
    return clock.now().astimezone(LONDON).date()


def coming_holiday():
    """A week away starting the day after tomorrow: past the page's notice, and holding a Tuesday and a Thursday."""
    return uk_today() + timedelta(days=2), uk_today() + timedelta(days=8)


def test_no_time_is_offered_on_a_day_of_the_practice_holiday(client, therapist, demo):
    first, last = coming_holiday()
    save_availability(therapist, holiday=(first, last), hours=EVERY_DAY)
    offered = offered_times(client.get(BOOKING_URL))
    inside = [key for key in offered if first <= uk_day(key) <= last]
    assert inside == [], f"{len(inside)} times offered while away {first} – {last}"
    assert any(uk_day(key) > last for key in offered), "the weeks after the holiday are still offered"


def test_no_time_is_offered_on_a_day_the_opening_hours_show_as_closed(client, therapist, demo):
    save_availability(therapist, hours=[("0", "4", "09:00", "17:00")])  # Monday to Friday: weekends closed
    footer = soup(client.get("/")).find(id="footer-hours").find_parent("section").get_text(" ", strip=True)
    assert "Saturday and Sunday: closed" in footer
    days = {uk_day(key).strftime("%A") for key in offered_times(client.get(BOOKING_URL))}
    assert "Saturday" not in days, "the page's Saturday morning times are on a day the practice is closed"
    assert {"Tuesday", "Thursday"} <= days

    save_availability(therapist, hours=[("0", "5", "09:00", "17:00")])  # Saturday opened
    assert "Saturday" in {uk_day(key).strftime("%A") for key in offered_times(client.get(BOOKING_URL))}


def test_asking_for_a_holiday_time_anyway_is_refused(client, therapist, demo, fresh_rate_limits):
    first, last = coming_holiday()
    save_availability(therapist, hours=EVERY_DAY)
    wanted = next(key for key in offered_times(client.get(BOOKING_URL)) if first <= uk_day(key) <= last)
    save_availability(therapist, holiday=(first, last))
    response = send(client, answers(slot=wanted))
    assert NOT_OFFERED in soup(response).find("main").get_text(" ")
    assert visitor_requests() == []


def test_removing_the_holiday_offers_those_days_again(client, therapist, demo):
    first, last = coming_holiday()
    save_availability(therapist, holiday=(first, last), hours=EVERY_DAY)
    assert not [key for key in offered_times(client.get(BOOKING_URL)) if first <= uk_day(key) <= last]
    save_availability(therapist, holiday=None)
    again = [key for key in offered_times(client.get(BOOKING_URL)) if first <= uk_day(key) <= last]
    assert {uk_day(key).strftime("%A") for key in again} >= {"Tuesday", "Thursday"}


def test_the_holiday_runs_from_midnight_to_midnight_uk_time_in_summer(client, therapist, demo, monkeypatch):
    # In summer, midnight in the UK is 23:00 UTC the evening before: a day counted in UTC would offer a call
    # in the first hour of the holiday and hide one in the first hour after it.
    page = booking_page()
    page.windows.all().delete()
    for weekday in (3, 6):  # Thursday 10 June 2027 (first day away) and Sunday 13 June (back)
        page.windows.add(AvailabilityWindow(weekday=weekday, starts=time(0), ends=time(0, 20)))
    page.notice_hours, page.gap_minutes, page.weeks_ahead = 0, 0, 1
    page.save_revision().publish()
    save_availability(therapist, holiday=(date(2027, 6, 10), date(2027, 6, 12)), hours=EVERY_DAY)
    monkeypatch.setattr(clock, "now", lambda: datetime(2027, 6, 8, 12, tzinfo=UTC))
    offered = offered_times(client.get(BOOKING_URL))
    assert "20270609T2300Z" not in offered, "00:00 on the first day away"
    assert "20270612T2300Z" in offered, "00:00 on the day back"
