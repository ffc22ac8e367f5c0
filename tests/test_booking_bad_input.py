"""Forged times, taken times, past times and odd Unicode get a clear message, never a server error."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import soup
from tests.test_booking_support import BOOKING_URL, answers, offered_times, send, visitor_requests


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def slot_message(response):
    page = soup(response)
    assert page.title.get_text().startswith("Error:")
    assert page.find(class_="error-summary").find("a", href="#times")
    return page.find(id="times_error").get_text(" ", strip=True)


@pytest.mark.parametrize("slot", [
    "20991201T1200Z",  # far beyond how far ahead calls are offered
    "20200101T1200Z",  # in the past
    "not-a-time", "20261399T9999Z", "", "2026-12-08 12:00", "20261208T1201Z", "٢٠٢٦١٢٠٨T١٢٠٠Z",
])
def test_a_forged_or_past_time_is_refused_with_a_message_and_input_kept(client, demo, slot):
    response = send(client, answers(slot=slot))
    assert response.status_code == 200
    message = slot_message(response)
    assert "Choose a time" in message or "not one of the times offered" in message
    assert soup(response).find("input", attrs={"name": "email"})["value"] == "sam@example.net"
    assert visitor_requests() == []


def test_a_time_inside_the_notice_is_refused(client, demo, monkeypatch):
    from booking import clock

    first = offered_times(client.get(BOOKING_URL))[0]
    real_now = clock.now()
    monkeypatch.setattr(clock, "now", lambda: real_now.replace(year=real_now.year) + (
        __import__("datetime").datetime.strptime(first, "%Y%m%dT%H%MZ").replace(tzinfo=real_now.tzinfo) - real_now))
    response = send(client, answers(slot=first))
    assert "not one of the times offered" in slot_message(response)


def test_odd_unicode_in_a_name_is_kept_and_normalised(client, demo):
    send(client, answers(client, name="Zoë\u0301 O\u2019Brien 😊\u202e"))
    [request] = visitor_requests()
    assert request.name == "Zoë́ O’Brien 😊"


keys = st.sampled_from(["slot", "name", "email", "way", "phone", "service", "consent", "home-page", "submission-token"])
values = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=200) | st.sampled_from(
    ["on", "phone", "video", "online-counselling", "sam@example.net", "20261208T1200Z", "1" * 6000],
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.dictionaries(keys, st.lists(values, min_size=1, max_size=3), max_size=10))
def test_arbitrary_form_data_never_gives_a_server_error(client, demo, data):
    response = client.post(BOOKING_URL, data)
    assert response.status_code in (200, 409, 429), response.status_code
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("path", [
    "request/1-forged-signature-aaaaaaaaaaaaaaaa/", "request/%00/", "calendar/wrong-key/",
    "confirm/1-1700000000-forged-signature-aaaaaaaa/", "confirm/%00/", "confirm/1-forged-signature-aaaaaaaaaaaaaaaa/",
])
def test_forged_links_are_not_found_not_errors(client, demo, path):
    assert client.get(BOOKING_URL + path).status_code == 404
    assert client.post(BOOKING_URL + path, {"action": "cancel"}).status_code == 404
