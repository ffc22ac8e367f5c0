"""A visitor picks a time from server-rendered radio buttons and asks for a call; the time is held at once,
and the request reaches the therapist once the visitor confirms it from the e-mail it sends."""

import pytest
from django.core import mail
from django.core.cache import cache

from booking.models import CallRequest
from tests.helpers import soup
from tests.test_booking_support import (
    BOOKING_URL,
    answers,
    booking_page,
    offered_times,
    send,
    send_and_confirm,
    visitor_requests,
)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def test_free_times_are_radio_buttons_grouped_by_day_with_no_script(client, demo):
    response = client.get(BOOKING_URL)
    assert response.status_code == 200
    page = soup(response)
    form = page.find("main").find("form")
    days = form.find(id="times").find_all("fieldset", class_="booking__day")
    assert len(days) >= 3
    for day in days:
        legend = day.find("legend").get_text(strip=True)
        assert legend.split()[0] in {"Tuesday", "Thursday", "Saturday"}, "days written out"
        for radio in day.find_all("input", type="radio"):
            assert page.find("label", attrs={"for": radio["id"]}), "every time has a label"
    assert not page.find("main").find("script")
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_asking_for_a_time_holds_it_and_asks_the_visitor_to_confirm_by_email(client, demo):
    slot = offered_times(client.get(BOOKING_URL))[0]
    response = send(client, answers(slot=slot))
    assert response.status_code == 200
    text = " ".join(soup(response).find("main").get_text(" ").split())
    assert "Nearly done: please confirm by e-mail" in text
    assert "sent an e-mail to sam@example.net" in text and "held for you for 30 minutes" in text
    [request] = visitor_requests()
    assert request.status == CallRequest.Status.UNCONFIRMED
    assert request.starts_at.strftime("%Y%m%dT%H%MZ") == slot
    assert slot not in offered_times(client.get(BOOKING_URL)), "the time is no longer offered to others"
    [email] = mail.outbox
    assert email.to == ["sam@example.net"] and "Confirm my request" in email.body, "only the visitor is written to"


def test_the_therapist_is_emailed_once_the_request_is_confirmed_without_the_note(client, demo, django_capture_on_commit_callbacks):
    page = booking_page()
    page.ask_for_note = True
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        send_and_confirm(client, answers(client, note="I have been very anxious since my bereavement."))
    [email] = [m for m in mail.outbox if m.to != ["sam@example.net"]]
    assert email.to == ["ben@example.org"]
    assert "anxious" not in email.body and "bereavement" not in email.body
    assert "read it in the admin" in email.body
    assert visitor_requests()[0].note.startswith("I have been very anxious")
    assert visitor_requests()[0].notification == CallRequest.Notification.SENT


def test_no_free_text_box_unless_the_therapist_turns_it_on(client, demo):
    assert not soup(client.get(BOOKING_URL)).find("main").find("textarea")


def test_service_is_preselected_from_the_address(client, demo):
    page = soup(client.get(BOOKING_URL + "?service=online-counselling"))
    assert page.find("input", attrs={"name": "service", "value": "online-counselling"}).has_attr("checked")
    page = soup(client.get(BOOKING_URL + "?service=no-such-thing"))
    assert not page.find("input", attrs={"name": "service", "checked": True})


def test_a_phone_call_needs_a_phone_number_but_a_video_call_does_not(client, demo):
    response = send(client, answers(client, phone=""))
    assert "Add a phone number so that I can ring you" in response.content.decode()
    assert visitor_requests() == []
    response = send(client, answers(client, phone="", way="video"))
    assert "please confirm by e-mail" in response.content.decode()


def test_none_of_these_times_leads_to_the_enquiry_form(client, demo):
    link = soup(client.get(BOOKING_URL)).find("p", class_="booking__elsewhere").find("a")
    assert link["href"] == "/contact/"


def test_a_time_taken_meanwhile_is_explained_with_the_nearest_free_times_and_input_kept(client, demo):
    slot = offered_times(client.get(BOOKING_URL))[1]
    send(client, answers(slot=slot, email="kim@example.net", name="Kim"))
    response = send(client, answers(slot=slot, name="Sam Example"))
    assert response.status_code == 409
    page = soup(response)
    assert "That time has just been taken" in page.find(class_="error-summary").get_text()
    nearest = offered_times(response)
    assert slot not in nearest and 0 < len(nearest) <= 6
    assert page.find("input", attrs={"name": "name"})["value"] == "Sam Example"
    assert page.find("input", attrs={"name": "way", "value": "phone"}).has_attr("checked")
    assert len(visitor_requests()) == 1


def test_the_same_form_sent_twice_is_stored_once(client, demo):
    data = answers(client, **{"submission-token": "6f1c2d9e-0000-4000-8000-000000000001"})
    send(client, data)
    response = send(client, data)
    assert "please confirm by e-mail" in response.content.decode()
    assert len(visitor_requests()) == 1
    assert len(mail.outbox) == 1, "one e-mail to confirm, not two"


def test_the_honeypot_and_rate_limit_are_the_contact_forms(client, demo, settings):
    response = send(client, answers(client, **{"home-page": "http://spam.example"}))
    assert "Leave this box empty" in response.content.decode() and visitor_requests() == []
    settings.CONTACT_RATE_LIMIT = "1/h"
    assert "please confirm by e-mail" in send(client, answers(client)).content.decode()
    response = send(client, answers(client, email="kim@example.net"))
    assert response.status_code == 429
    assert len(visitor_requests()) == 1


def test_booking_closes_when_the_cap_of_confirmed_requests_waiting_is_reached(client, demo):
    page = booking_page()
    page.max_waiting = CallRequest.objects.filter(status__in=CallRequest.OPEN).count() + 1
    page.save_revision().publish()
    send(client, answers(client))
    assert offered_times(client.get(BOOKING_URL)), "an unconfirmed request does not count toward the cap"
    send_and_confirm(client, answers(client))
    response = client.get(BOOKING_URL)
    text = soup(response).find("main").get_text(" ", strip=True)
    assert "I cannot offer introductory calls just now" in text
    assert soup(response).find("main").find("a", string="Write to me instead")["href"] == "/contact/"
    assert not offered_times(response)


def test_booking_closes_when_the_practice_is_not_taking_new_clients(client, demo):
    from wagtail.models import Site

    from practice.models import AvailabilitySettings, Status

    availability = AvailabilitySettings.for_site(Site.objects.get(is_default_site=True))
    availability.status = Status.NOT_TAKING
    availability.save()
    response = client.get(BOOKING_URL)
    assert not offered_times(response)
    assert soup(response).find("main").find("a", string="Write to me instead")["href"] == "/contact/"
    response = send(client, answers(slot="20991201T1200Z"))
    assert not offered_times(response) and visitor_requests() == []


def test_a_rate_limited_visitor_is_offered_another_way_to_get_in_touch_as_on_the_contact_form(client, demo, settings):
    settings.CONTACT_RATE_LIMIT = "1/h"
    send(client, answers(client))
    response = send(client, answers(client, email="kim@example.net", name="Kim Second"))
    summary = soup(response).find(class_="error-summary")
    assert "Please wait a little before sending again" in summary.get_text()
    assert "1 request per hour" in " ".join(summary.get_text().split())
    assert summary.find("a", href="tel:01632960418"), "the practice's phone, as the contact form gives it"
    assert soup(response).find("input", attrs={"name": "name"})["value"] == "Kim Second"


def test_a_request_the_database_refused_says_so_in_the_therapists_voice_and_keeps_the_answers(client, demo):
    from unittest import mock

    from django.db import OperationalError

    with mock.patch.object(CallRequest.objects, "create", side_effect=OperationalError("database is locked")):
        response = send(client, answers(client, name="Kim Kept"))
    assert response.status_code == 503
    summary = soup(response).find(class_="error-summary")
    assert "Sorry, your request could not be saved just now" in summary.get_text()
    assert "The fault is on my side" in summary.get_text()
    assert summary.find("a", href="mailto:ben@example.org")
    assert soup(response).find("input", attrs={"name": "name"})["value"] == "Kim Kept"
