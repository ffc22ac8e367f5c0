"""Helpers the booking tests share (this module holds no tests of its own)."""

from booking.models import BookingPage, CallRequest
from tests.helpers import soup

BOOKING_URL = "/book-a-call/"


def booking_page():
    return BookingPage.objects.get()


def offered_times(response):
    """The time values offered as radio buttons, in page order."""
    return [radio["value"] for radio in soup(response).find_all("input", attrs={"name": "slot"})]


def answers(client=None, slot=None, **overrides):
    """POST data as a visitor fills it in; the first free time unless ``slot`` is given."""
    if slot is None:
        slot = offered_times(client.get(BOOKING_URL))[0]
    data = {
        "slot": slot, "name": "Sam Example", "email": "sam@example.net", "way": "phone",
        "phone": "07700 900123", "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def send(client, data):
    return client.post(BOOKING_URL, data)


def visitor_requests():
    """Requests made in the test (the demo ones belong to example.org people with other names)."""
    return list(CallRequest.objects.filter(email__in=["sam@example.net", "kim@example.net"]).order_by("pk"))
