"""Enquiries are stored once, before any e-mail; the therapist is told without the message leaking."""

import logging
import time
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import OperationalError
from wagtail.models import Site

from contact.models import ContactSubmission, EnquirySettings
from home.models import PracticeSettings
from tests.contact_helpers import ANSWERS, contact_page, field_name, send, stored, valid_answers
from tests.helpers import soup

MESSAGE = ANSWERS["multiline"]


pytestmark = pytest.mark.usefixtures("fresh_rate_limits")


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """Send the form and run what waits for the enquiry's commit (the e-mail), as a real request would."""

    def post(data):
        with django_capture_on_commit_callbacks(execute=True):
            return send(client, data)

    return post


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


class BackendThatChecksTheDatabase(BaseEmailBackend):
    stored_when_sent = None

    def send_messages(self, messages):
        BackendThatChecksTheDatabase.stored_when_sent = ContactSubmission.objects.count()
        return len(messages)


def test_valid_enquiry_is_stored_with_readable_answers(post, demo):
    page = contact_page()
    response = post(valid_answers(page))
    assert response.status_code == 200
    assert "your enquiry has been sent" in soup(response).find("h1").get_text()
    [enquiry] = stored()
    assert enquiry.page_id == page.pk
    data = enquiry.form_data
    assert data[field_name(page, "name")] == "Sam Example"
    assert data[field_name(page, "service")] == "Online counselling", "the service's title, not its slug"
    assert data[field_name(page, "consent")] == "Yes"
    assert data[field_name(page, "multiline")] == MESSAGE
    assert "home-page" not in data and "submission-token" not in data, "spam trap and token are not answers"


def test_thank_you_page_says_how_long_the_enquiry_is_kept(client, demo):
    settings = EnquirySettings.for_site(Site.objects.get(is_default_site=True))
    settings.retention_days = 90
    settings.save()
    assert "deleted automatically after 90 days" in soup(send(client, valid_answers())).find("main").get_text()


def test_enquiry_is_saved_before_the_email_is_tried(post, demo, settings):
    settings.EMAIL_BACKEND = f"{__name__}.BackendThatChecksTheDatabase"
    post(valid_answers())
    assert BackendThatChecksTheDatabase.stored_when_sent == 1


def test_therapist_is_notified_without_the_message_by_default(post, demo):
    post(valid_answers())
    [email] = mail.outbox
    assert email.to == ["ben@example.org"]
    assert email.subject == "New enquiry from your website"
    assert email.reply_to == ["sam@example.org"], "replying writes straight to the visitor"
    assert "Sam Example" in email.body and "07700 900123" in email.body
    assert MESSAGE not in email.body and MESSAGE not in email.subject
    assert "left out of this e-mail: read it in the admin" in email.body
    enquiry = stored()[0]
    assert f"http://testserver/admin/forms/submissions/{enquiry.page_id}/" in email.body
    assert enquiry.notification == ContactSubmission.Notification.SENT


def test_therapist_may_choose_to_get_the_message_in_the_email_but_never_in_the_subject(post, demo):
    settings = EnquirySettings.for_site(Site.objects.get(is_default_site=True))
    settings.include_message_in_email = True
    settings.save()
    post(valid_answers())
    [email] = mail.outbox
    assert MESSAGE in email.body
    assert MESSAGE not in email.subject and "Sam" not in email.subject


def test_failing_email_backend_leaves_the_enquiry_saved_and_logs_the_failure(post, demo, settings, caplog):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenBackend"
    with caplog.at_level(logging.ERROR, logger="contact"):
        response = post(valid_answers())
    assert response.status_code == 200
    assert "your enquiry has been sent" in soup(response).find("h1").get_text()
    [enquiry] = stored()
    assert enquiry.notification == ContactSubmission.Notification.FAILED
    assert enquiry.get_data()["notification"].startswith("Failed"), "the admin list shows which e-mails failed"
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert f"Enquiry {enquiry.pk}" in record.getMessage()
    assert MESSAGE not in caplog.text and "sam@example.org" not in caplog.text, "logs never hold the enquiry"


def test_without_a_recipient_on_the_page_the_practice_email_is_used(post, demo):
    page = contact_page()
    page.to_address = ""
    page.save_revision().publish()
    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    practice.email = "hello@example.net"
    practice.save()
    post(valid_answers())
    assert mail.outbox[0].to == ["hello@example.net"]


def test_the_same_form_sent_twice_is_stored_once(post, demo):
    data = valid_answers()
    first, second = post(data), post(data)
    assert first.status_code == second.status_code == 200
    assert "your enquiry has been sent" in soup(second).find("h1").get_text()
    assert len(stored()) == 1
    assert len(mail.outbox) == 1


def test_a_form_sent_then_edited_and_sent_again_is_stored_as_a_second_enquiry(post, demo):
    page = contact_page()
    data = valid_answers(page)
    post(data)
    edited = {**data, field_name(page, "multiline"): MESSAGE + " I forgot to say: evenings suit me best."}
    response = post(edited)
    assert "your enquiry has been sent" in soup(response).find("h1").get_text()
    first, second = stored()
    assert second.form_data[field_name(page, "multiline")].endswith("evenings suit me best.")
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("token", ["", "not a token", "5f0e2c4a9b3d4e6f8a1b2c3d4e5f6a7b", "5f0e2c4a9b3d4e6f8a1b2c3d4e5f6a7b:1vQ:forged"])
def test_a_token_the_site_never_issued_is_never_thanked_and_dropped(client, demo, token):
    response = send(client, valid_answers(**{"submission-token": token}))
    assert stored() == []
    page = soup(response)
    assert "has not been sent yet" in page.find(class_="error-summary").get_text()
    assert page.find("textarea").get_text().strip() == MESSAGE, "what was typed is kept"
    fresh = page.find("input", attrs={"name": "submission-token"})["value"]
    again = send(client, valid_answers(**{"submission-token": fresh}))
    assert "your enquiry has been sent" in soup(again).find("h1").get_text()
    assert len(stored()) == 1


def test_a_form_left_open_for_more_than_a_week_asks_to_be_sent_again(client, demo):
    token = valid_answers()["submission-token"]
    with mock.patch("django.core.signing.time.time", return_value=time.time() + 8 * 24 * 3600):
        response = send(client, valid_answers(**{"submission-token": token}))
    assert stored() == []
    assert "has not been sent yet" in soup(response).find(class_="error-summary").get_text()


def test_a_database_failure_keeps_what_was_typed_and_says_so(client, demo, caplog):
    with mock.patch.object(ContactSubmission.objects, "create", side_effect=OperationalError("database is locked")):
        response = send(client, valid_answers())
    assert response.status_code == 503
    page = soup(response)
    assert "could not be saved just now" in page.find(class_="error-summary").get_text()
    assert page.find("textarea").get_text().strip() == MESSAGE
    assert "no-store" in response["Cache-Control"]
