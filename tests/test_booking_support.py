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


def link_in_email(address, marker="/confirm/"):
    """The path of the last link to this site containing ``marker`` in the newest e-mail to ``address``."""
    from django.core import mail

    email = [m for m in mail.outbox if m.to == [address]][-1]
    line = next(line for line in reversed(email.body.splitlines()) if marker in line)
    return "/" + line.strip().split("://", 1)[1].split("/", 1)[1]


def confirm_link(address):
    return link_in_email(address, "/confirm/")


def open_and_press(client, path, button):
    """Open a link from an e-mail, then press the button the page offers (its form's POST)."""
    page = soup(client.get(path))
    form = next(form for form in page.find_all("form") if form.find("button", string=button))
    data = {field["name"]: field.get("value", "") for field in form.find_all("input") if field.get("name")}
    return client.post(form.get("action") or path, data)


def send_and_confirm(client, data):
    """Ask for a time, then confirm it from the e-mail, as a genuine visitor does; the confirm page is returned."""
    send(client, data)
    return open_and_press(client, confirm_link(data["email"]), "Confirm my request")
