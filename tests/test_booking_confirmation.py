"""A request counts once its visitor confirms it from the e-mail it sends; one never confirmed soon gives its time back."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from booking import clock
from booking.models import CallRequest
from tests.helpers import soup
from tests.test_booking_support import (
    BOOKING_URL,
    answers,
    booking_page,
    confirm_link,
    offered_times,
    open_and_press,
    send,
    send_and_confirm,
)

Status = CallRequest.Status
CONFIRM = "Confirm my request"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def heading(response):
    return soup(response).find("h1").get_text(" ", strip=True)


def text(response):
    return " ".join(soup(response).find("main").get_text(" ").split())


def therapist_emails():
    return [m for m in mail.outbox if m.to == ["ben@example.org"]]


def later(monkeypatch, minutes):
    now = clock.now()
    monkeypatch.setattr(clock, "now", lambda: now + timedelta(minutes=minutes))


def test_the_confirm_link_works_once_makes_the_request_wait_and_tells_the_therapist(
        client, editor_client, demo, django_capture_on_commit_callbacks):
    visitor = Client()
    with django_capture_on_commit_callbacks(execute=True):
        send(visitor, answers(visitor))
    link = confirm_link("sam@example.net")
    assert therapist_emails() == [], "nobody has confirmed anything yet"
    assert "Sam Example" not in editor_client.get(reverse("booking_callrequest:index")).content.decode()

    page = visitor.get(link)
    assert heading(page) == "Please confirm your request"
    assert CallRequest.objects.get(email="sam@example.net").status == Status.UNCONFIRMED, "opening the link changes nothing"
    with django_capture_on_commit_callbacks(execute=True):
        response = open_and_press(visitor, link, CONFIRM)
    assert heading(response) == "Thank you: your request is confirmed"
    assert "I will confirm the time by e-mail within two working days" in text(response), "the page's own words"
    assert CallRequest.objects.get(email="sam@example.net").status == Status.WAITING
    [told] = therapist_emails()
    assert "Sam Example" in told.body
    assert "Sam Example" in editor_client.get(reverse("booking_callrequest:index")).content.decode()
    assert "Sam Example" in soup(editor_client.get("/admin/")).find(id="booking-waiting-section").get_text()

    with django_capture_on_commit_callbacks(execute=True):
        again = visitor.post(link)
    assert again.status_code == 200 and heading(again) == "Your request is already confirmed"
    assert heading(visitor.get(link)) == "Your request is already confirmed"
    assert len(therapist_emails()) == 1, "confirming twice tells the therapist once"


def test_the_confirm_email_is_in_the_therapists_voice_and_says_how_long_the_time_is_held(client, demo):
    send(client, answers(client))
    [email] = mail.outbox
    assert email.body.startswith("Dear Sam Example,")
    assert "holding this time for you for 30 minutes" in email.body
    assert "counselling" not in email.subject.lower() and "therapy" not in email.subject.lower()


def test_an_unconfirmed_request_expires_through_the_timed_tasks_and_its_time_is_offered_again(client, demo, monkeypatch):
    slot = offered_times(client.get(BOOKING_URL))[0]
    send(client, answers(slot=slot))
    link = confirm_link("sam@example.net")
    later(monkeypatch, 29)
    assert slot not in offered_times(client.get(BOOKING_URL)), "held for the visitor meanwhile"
    later(monkeypatch, 31)
    assert slot in offered_times(client.get(BOOKING_URL)), "offered again as soon as the hold ends"
    call_command("booking_tasks", stdout=_Quiet())
    assert not CallRequest.objects.filter(email="sam@example.net").exists(), "deleted: it may have been made up"
    assert [m.to for m in mail.outbox] == [["sam@example.net"]], "and nobody is written to about it"

    response = client.get(link)
    assert response.status_code == 410
    assert heading(response) == "This time is no longer held for you"
    assert "not confirmed in that time" in text(response)
    assert soup(response).find("main").find("a", string="Choose a time")["href"] == BOOKING_URL


def test_confirming_after_the_time_went_to_someone_else_says_so_kindly(client, demo, monkeypatch):
    slot = offered_times(client.get(BOOKING_URL))[0]
    sam, kim = Client(REMOTE_ADDR="198.51.100.1"), Client(REMOTE_ADDR="203.0.113.2")
    send(sam, answers(slot=slot))
    link = confirm_link("sam@example.net")
    assert heading(sam.get(link)) == "Please confirm your request", "Sam opens the page, then is called away"
    later(monkeypatch, 40)
    send_and_confirm(kim, answers(slot=slot, email="kim@example.net", name="Kim"))

    response = sam.post(link)
    assert heading(response) == "This time is no longer held for you"
    assert "may have gone to someone else" in text(response)
    assert soup(response).find("main").find("a", string="Choose a time")
    assert CallRequest.objects.get(email="kim@example.net").status == Status.WAITING


def test_a_lapsed_hold_nobody_else_wanted_is_still_confirmed(client, demo, monkeypatch):
    send(client, answers(client))
    later(monkeypatch, 45)
    response = open_and_press(client, confirm_link("sam@example.net"), CONFIRM)
    assert heading(response) == "Thank you: your request is confirmed"


@pytest.mark.parametrize("tamper", [
    lambda link: link[:-5] + "zzzz/",  # the signature altered
    lambda link: link.replace("/confirm/", "/confirm/9"),  # another request's number
    lambda link: link.rsplit("/confirm/", 1)[0] + "/confirm/1-1700000000-forged-signature-aaaaaaaa/",
    lambda link: link.rsplit("/confirm/", 1)[0] + "/confirm/" + "9" * 40 + "/",
])
def test_a_forged_or_altered_confirm_link_gives_a_clear_message_never_an_error(client, demo, tamper):
    send(client, answers(client))
    forged = tamper(confirm_link("sam@example.net"))
    for response in (client.get(forged), client.post(forged)):
        assert response.status_code == 404
        assert heading(response) == "This link does not work"
        assert soup(response).find("main").find("a", string="Choose a time")
    assert CallRequest.objects.get(email="sam@example.net").status == Status.UNCONFIRMED


def test_a_manage_link_never_confirms(client, demo):
    from booking import tokens

    send(client, answers(client))
    request = CallRequest.objects.get(email="sam@example.net")
    manage = tokens.manage_url(request).split("/request/")[1]
    assert client.post(f"{BOOKING_URL}confirm/{manage}").status_code == 404
    assert CallRequest.objects.get(pk=request.pk).status == Status.UNCONFIRMED


def test_asking_again_replaces_the_unconfirmed_request_and_gives_its_time_back(client, demo):
    first, second = offered_times(client.get(BOOKING_URL))[:2]
    send(client, answers(slot=first))
    old_link = confirm_link("sam@example.net")
    send(client, answers(slot=second, email="sam.correct@example.net"))
    times = offered_times(client.get(BOOKING_URL))
    assert first in times and second not in times, "one connection holds one time while unconfirmed"
    assert client.get(old_link).status_code == 410

    other = Client(REMOTE_ADDR="203.0.113.9")
    send(other, answers(slot=first, email="sam.correct@example.net"))
    times = offered_times(client.get(BOOKING_URL))
    assert second in times and first not in times, "one e-mail address holds one time while unconfirmed"


def test_the_cap_reached_while_a_request_waited_to_be_confirmed_is_explained(client, demo):
    page = booking_page()
    page.max_waiting = CallRequest.objects.filter(status__in=CallRequest.OPEN).count() + 1
    page.save_revision().publish()
    sam, kim = Client(REMOTE_ADDR="198.51.100.1"), Client(REMOTE_ADDR="203.0.113.2")
    send(sam, answers(sam))
    send_and_confirm(kim, answers(kim, email="kim@example.net", name="Kim"))

    response = open_and_press(sam, confirm_link("sam@example.net"), CONFIRM)
    assert heading(response) == "I cannot take your request just now"
    assert soup(response).find("main").find("a", string="Write to me instead")["href"] == "/contact/"
    assert CallRequest.objects.get(email="sam@example.net").status == Status.UNCONFIRMED
    assert CallRequest.objects.filter(status__in=CallRequest.OPEN).count() == page.max_waiting, "the cap holds"


def test_when_the_confirm_email_cannot_be_sent_the_visitor_is_told_and_the_time_is_free(client, demo):
    slot = offered_times(client.get(BOOKING_URL))[0]
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("connection refused")):
        response = send(client, answers(slot=slot, name="Kim Kept"))
    assert response.status_code == 503
    assert "could not send you the e-mail" in soup(response).find(class_="error-summary").get_text()
    assert soup(response).find("input", attrs={"name": "name"})["value"] == "Kim Kept"
    assert not CallRequest.objects.filter(email="sam@example.net").exists()
    assert slot in offered_times(client.get(BOOKING_URL))


class _Quiet:
    def write(self, *args):
        pass

    def flush(self):
        pass
