"""Times are UK wall-clock times stored in UTC, right in the weeks the clocks change; never past or inside the notice."""

from datetime import UTC, datetime, time, timedelta

import pytest

from booking import clock
from booking.models import AvailabilityWindow
from booking.slots import availability
from tests.helpers import soup
from tests.test_booking_support import BOOKING_URL, booking_page, offered_times


def sunday_page(page):
    """Calls only on Sundays 09:00-10:00 UK time, twenty minutes, no notice, no gap. No opening hours are set,
    so no day shows as closed (calls are offered only on days the hours show as open)."""
    from practice.models import OpeningHours

    OpeningHours.objects.all().delete()
    page.windows.all().delete()
    page.windows.add(AvailabilityWindow(weekday=6, starts=time(9), ends=time(10)))
    page.notice_hours, page.gap_minutes, page.weeks_ahead = 0, 0, 2
    page.save()
    return page


def utc_starts(page, now, day):
    return [slot.starts_at for slot in availability(page, now).free if slot.day == day]


@pytest.mark.parametrize(("now", "before", "change_day"), [
    # Clocks go forward at 01:00 UTC on the last Sunday of March 2027 (28th): 09:00 BST is 08:00 UTC.
    (datetime(2027, 3, 15, 12, tzinfo=UTC), datetime(2027, 3, 21).date(), datetime(2027, 3, 28).date()),
])
def test_the_sunday_the_clocks_go_forward(demo, now, before, change_day):
    page = sunday_page(booking_page())
    assert utc_starts(page, now, before)[0] == datetime(2027, 3, 21, 9, 0, tzinfo=UTC)  # GMT
    assert utc_starts(page, now, change_day) == [datetime(2027, 3, 28, 8, m, tzinfo=UTC) for m in (0, 20, 40)]  # BST


def test_the_sunday_the_clocks_go_back(demo):
    page = sunday_page(booking_page())
    now = datetime(2027, 10, 20, 12, tzinfo=UTC)
    # Last Sunday of October 2027 is the 31st: back to GMT, so 09:00 is 09:00 UTC; the week before, 08:00 UTC.
    assert utc_starts(page, now, datetime(2027, 10, 24).date())[0] == datetime(2027, 10, 24, 8, tzinfo=UTC)
    assert utc_starts(page, now, datetime(2027, 10, 31).date()) == [datetime(2027, 10, 31, 9, m, tzinfo=UTC) for m in (0, 20, 40)]


def test_a_window_inside_the_skipped_hour_offers_no_time_that_does_not_exist(demo):
    page = sunday_page(booking_page())
    page.windows.all().delete()
    page.windows.add(AvailabilityWindow(weekday=6, starts=time(0, 30), ends=time(2, 30)))
    page.call_minutes = 30
    page.save()
    local = [slot.local_start.strftime("%H:%M") for slot in availability(page, datetime(2027, 3, 27, tzinfo=UTC)).free
             if slot.day == datetime(2027, 3, 28).date()]
    assert local == ["00:30", "02:00"], "01:00 and 01:30 never happen that night"


def test_the_page_shows_uk_times_with_the_day_written_out_in_the_week_the_clocks_change(client, demo, monkeypatch):
    sunday_page(booking_page()).save_revision().publish()
    monkeypatch.setattr(clock, "now", lambda: datetime(2027, 3, 25, 12, tzinfo=UTC))
    page = soup(client.get(BOOKING_URL))
    day = next(fs for fs in page.find_all("fieldset", class_="booking__day") if "28 March" in fs.legend.get_text())
    assert day.legend.get_text(strip=True) == "Sunday 28 March"
    assert [label.get_text(" ", strip=True).split()[0] for label in day.find_all("label")] == ["09:00", "09:20", "09:40"]
    assert day.find("input")["value"] == "20270328T0800Z"


def test_never_a_time_in_the_past_or_inside_the_notice(client, demo):
    page = booking_page()
    now = clock.now()
    for key in offered_times(client.get(BOOKING_URL)):
        starts = datetime.strptime(key, "%Y%m%dT%H%MZ").replace(tzinfo=UTC)
        assert starts >= now + timedelta(hours=page.notice_hours)
        assert starts <= now + timedelta(weeks=page.weeks_ahead, days=1)


def test_a_blocked_date_offers_no_times(client, demo):
    page = booking_page()
    blocked = page.blocked_dates.first().first_day
    days = [slot.day for slot in availability(page).free]
    assert blocked not in days
    assert any(day.weekday() == blocked.weekday() for day in days), "the same weekday in other weeks is offered"


@pytest.mark.parametrize(("now", "value", "uk_label", "stored"), [
    # The Sunday the clocks go forward (28 March 2027): 09:00 BST is 08:00 UTC.
    (datetime(2027, 3, 25, 12, tzinfo=UTC), "20270328T0800Z", "Sunday 28 March 2027 at 09:00", "2027-03-28 08:00:00"),
    # The Sunday they go back (31 October 2027): 09:00 GMT is 09:00 UTC.
    (datetime(2027, 10, 28, 12, tzinfo=UTC), "20271031T0900Z", "Sunday 31 October 2027 at 09:00", "2027-10-31 09:00:00"),
])
def test_a_time_booked_on_a_clock_change_sunday_is_stored_in_utc_and_shown_in_uk_time(
        client, demo, monkeypatch, now, value, uk_label, stored):
    from django.core.cache import cache
    from django.db import connection

    from tests.test_booking_support import answers, send, visitor_requests

    cache.clear()
    sunday_page(booking_page()).save_revision().publish()
    monkeypatch.setattr(clock, "now", lambda: now)
    assert value in offered_times(client.get(BOOKING_URL))
    response = send(client, answers(slot=value))
    assert uk_label in " ".join(soup(response).find(class_="lead").get_text().split())
    [request] = visitor_requests()
    with connection.cursor() as cursor:
        cursor.execute("SELECT CAST(starts_at AS TEXT) FROM booking_callrequest WHERE id = %s", [request.pk])
        raw = cursor.fetchone()[0]
    assert raw.startswith(stored) and (raw == stored or raw.endswith("+00")), f"the database holds {raw!r}"
