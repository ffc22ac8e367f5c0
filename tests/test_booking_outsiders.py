"""A few outsiders sending made-up requests cannot close booking for everyone else.

Each outsider sends as many requests as the rate limit lets one address send,
each with an e-mail address nobody reads, so none is ever confirmed. A visitor
from another address must still be offered times, and ask for and confirm one.
"""

import pytest
from django.core import mail
from django.core.cache import cache

from booking.models import CallRequest
from contact.ratelimit import current_rate
from tests.helpers import soup
from tests.test_booking_support import BOOKING_URL, answers, confirm_link, offered_times, open_and_press

GENUINE = "203.0.113.50"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def outsiders_fill_what_they_can(client, addresses):
    """Every outsider sends until the rate limit refuses them, one made-up e-mail address per request."""
    sent = 0
    for n, address in enumerate(addresses):
        for i in range(50):
            times = offered_times(client.get(BOOKING_URL, REMOTE_ADDR=address))
            if not times:
                return sent
            data = answers(slot=times[0], name=f"Nobody {n}-{i}", email=f"nobody{n}-{i}@invalid.example")
            response = client.post(BOOKING_URL, data, REMOTE_ADDR=address)
            if response.status_code == 429:
                break
            sent += 1
    return sent


@pytest.mark.parametrize("outsiders", [2, 5])
def test_outsiders_who_never_confirm_leave_booking_open_for_a_genuine_visitor(client, demo, outsiders,
                                                                              django_capture_on_commit_callbacks):
    addresses = [f"198.51.100.{n + 1}" for n in range(outsiders)]
    before = len(offered_times(client.get(BOOKING_URL, REMOTE_ADDR=GENUINE)))
    with django_capture_on_commit_callbacks(execute=True):
        sent = outsiders_fill_what_they_can(client, addresses)
    assert sent >= current_rate().count * outsiders, "each outsider sent all the rate limit allows"

    response = client.get(BOOKING_URL, REMOTE_ADDR=GENUINE)
    times = offered_times(response)
    assert times, "the genuine visitor is told there are no times: " + soup(response).find("main").get_text(" ", strip=True)[:200]
    assert len(times) >= before - outsiders, "an outsider holds at most one time at once, however many requests they send"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(BOOKING_URL, answers(slot=times[0], email="kim@example.net", name="Kim Genuine"), REMOTE_ADDR=GENUINE)
        open_and_press(client, confirm_link("kim@example.net"), "Confirm my request")
    kim = CallRequest.objects.get(email="kim@example.net")
    assert kim.status == CallRequest.Status.WAITING
    [told] = [m for m in mail.outbox if m.to == ["ben@example.org"]]
    assert "Kim Genuine" in told.body, "the therapist hears of the confirmed request, and of none of the made-up ones"
