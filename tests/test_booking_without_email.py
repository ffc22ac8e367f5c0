"""Without e-mail set up, booking says so plainly instead of waiting for a confirmation that never comes.

A call request counts only once its visitor presses the link in the e-mail it
sends. With no mail server configured (production's default until SMTP is
set), no such e-mail can arrive: the booking page must not offer times and
then tell the visitor to check their inbox.
"""

import pytest
from django.test import override_settings

from booking.models import CallRequest
from tests.helpers import soup
from tests.test_booking_support import BOOKING_URL, answers, offered_times

NO_EMAIL = override_settings(EMAIL_BACKEND="contact.mail.NoEmailBackend")


@pytest.fixture
def offered(client, demo, fresh_rate_limits):
    return offered_times(client.get(BOOKING_URL))


def test_without_e_mail_no_time_is_offered_and_the_visitor_is_sent_to_write_instead(client, offered):
    assert offered, "with e-mail set up, times are offered"
    with NO_EMAIL:
        response = client.get(BOOKING_URL)
    page = soup(response)
    assert offered_times(response) == []
    assert page.find("a", string="Write to me instead")


def test_without_e_mail_a_request_is_neither_stored_nor_acknowledged(client, offered):
    before = CallRequest.objects.count()
    with NO_EMAIL:
        response = client.post(BOOKING_URL, answers(slot=offered[0]))
    assert "please confirm by e-mail" not in response.content.decode()
    assert CallRequest.objects.count() == before
