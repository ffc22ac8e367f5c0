"""The therapist answers in the admin; the visitor gets a confirmation with a calendar file and can cancel."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from icalendar import Calendar

from booking import clock
from booking.models import CalendarFeed, CallRequest
from tests.helpers import soup
from tests.test_booking_support import answers, booking_page, offered_times, send, send_and_confirm, visitor_requests

Status = CallRequest.Status
HEALTH_WORDS = ["anxiety", "anxious", "depression", "trauma", "grief", "bereavement", "counselling", "therapy", "neurodiverse"]


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def waiting(client, demo):
    """A request its visitor has confirmed from the e-mail, now waiting for the therapist's answer."""
    send_and_confirm(client, answers(client, name="Sam Example", service="online-counselling"))
    mail.outbox.clear()
    return visitor_requests()[0]


def answer(editor_client, call_request, **data):
    return editor_client.post(f"/admin/booking/requests/{call_request.pk}/answer/", data, follow=True)


def test_accepting_emails_a_confirmation_with_a_calendar_file(editor_client, waiting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = answer(editor_client, waiting, decision="accept", message="Speak soon.")
    assert "Accepted" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    [email] = mail.outbox
    assert email.to == ["sam@example.net"]
    assert "Speak soon." in email.body and "I will ring you" in email.body
    [(filename, content, mimetype)] = email.attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == waiting.starts_at


def test_the_answer_button_says_what_it_does(editor_client, waiting):
    form = soup(editor_client.get(f"/admin/booking/requests/{waiting.pk}/answer/")).find("form", id="w-editor-form")
    [button] = form.find_all("button", type="submit")
    assert button.get_text(strip=True) == "Send my answer"


def test_offering_another_time_moves_the_hold_and_the_visitor_accepts_it(client, editor_client, waiting, django_capture_on_commit_callbacks):
    other = offered_times(client.get("/book-a-call/"))[-1]
    with django_capture_on_commit_callbacks(execute=True):
        answer(editor_client, waiting, decision="offer", new_time=other, message="Would this suit?")
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED and waiting.starts_at.strftime("%Y%m%dT%H%MZ") == other
    [offer] = mail.outbox
    link = next(line for line in offer.body.splitlines() if "/request/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/" + path, {"action": "accept"})
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert mail.outbox[-1].attachments, "the confirmation carries its calendar file"


def test_declining_tells_the_visitor_and_frees_the_time(client, editor_client, waiting, django_capture_on_commit_callbacks):
    slot = waiting.starts_at.strftime("%Y%m%dT%H%MZ")
    with django_capture_on_commit_callbacks(execute=True):
        answer(editor_client, waiting, decision="decline", message="I am not the right fit, sorry.")
    assert "not the right fit" in mail.outbox[0].body
    assert slot in offered_times(client.get("/book-a-call/"))


def test_the_visitor_cancels_from_the_link_without_an_account(client, editor_client, waiting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answer(editor_client, waiting, decision="accept")
    link = next(line for line in mail.outbox[0].body.splitlines() if "/request/" in line)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    client.logout()
    assert client.get(path).status_code == 200
    assert CallRequest.objects.get(pk=waiting.pk).status == Status.CONFIRMED, "opening the link changes nothing"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path, {"action": "cancel"})
    assert "Your call is cancelled" in response.content.decode()
    assert CallRequest.objects.get(pk=waiting.pk).status == Status.CANCELLED
    assert mail.outbox[-1].to == ["ben@example.org"], "the therapist is told"
    assert client.get(path.replace("/request/", "/request/x")).status_code == 404, "an altered link opens nothing"


def test_no_subject_names_a_service_or_a_health_word(client, editor_client, waiting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, answers(client, email="kim@example.net", service="neurodiverse-counselling"))
        answer(editor_client, waiting, decision="accept")
    call_command("booking_tasks", stdout=_Quiet(), stderr=_Quiet())
    assert mail.outbox
    for email in mail.outbox:
        assert not any(word in email.subject.lower() for word in HEALTH_WORDS), email.subject


def test_unanswered_requests_expire_and_the_visitor_is_told(waiting, monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: waiting.waiting_since + timedelta(hours=49))
    call_command("booking_tasks", stdout=_Quiet())
    waiting.refresh_from_db()
    assert waiting.status == Status.EXPIRED
    [email] = [m for m in mail.outbox if m.to == ["sam@example.net"]]
    assert "no longer held" in email.body


def test_the_reminder_goes_once_even_when_the_timer_runs_twice(editor_client, waiting, monkeypatch, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answer(editor_client, waiting, decision="accept")
    mail.outbox.clear()
    monkeypatch.setattr(clock, "now", lambda: waiting.starts_at - timedelta(hours=20))
    call_command("booking_tasks", stdout=_Quiet())
    call_command("booking_tasks", stdout=_Quiet())
    reminders = [m for m in mail.outbox if m.to == ["sam@example.net"]]
    assert len(reminders) == 1 and "Reminder" in reminders[0].subject


def test_requests_are_purged_days_after_the_call(waiting, monkeypatch):
    keep = booking_page().keep_days
    monkeypatch.setattr(clock, "now", lambda: waiting.ends_at + timedelta(days=keep - 1))
    call_command("purge_call_requests", stdout=_Quiet())
    assert CallRequest.objects.filter(pk=waiting.pk).exists()
    monkeypatch.setattr(clock, "now", lambda: waiting.ends_at + timedelta(days=keep + 1))
    call_command("purge_call_requests", stdout=_Quiet())
    assert not CallRequest.objects.filter(pk=waiting.pk).exists()


def test_the_private_calendar_feed_lists_confirmed_calls_without_health_details(client, editor_client, waiting, django_capture_on_commit_callbacks):
    waiting.note = "I struggle with anxiety"
    waiting.save()
    with django_capture_on_commit_callbacks(execute=True):
        answer(editor_client, waiting, decision="accept")
    feed = CalendarFeed.objects.get()
    response = client.get(f"/book-a-call/calendar/{feed.key}/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    summaries = [str(event["summary"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]
    assert "Intro call – S. (phone)" in summaries
    text = response.content.decode().lower()
    assert "anxiety" not in text and "counselling" not in text and "sam@example.net" not in text
    # Revoked: the old address stops working.
    editor_client.post("/admin/booking/calendar-feed/")
    assert client.get(f"/book-a-call/calendar/{feed.key}/").status_code == 404


def test_requests_are_shown_only_to_those_who_may_read_enquiries(client, waiting, django_user_model):
    user = django_user_model.objects.create_user("helper", password="a-long-test-password")
    group = Group.objects.create(name="Page editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    assert client.get(f"/admin/booking/requests/{waiting.pk}/answer/").status_code in (302, 403)
    assert client.get(reverse("booking_callrequest:index")).status_code in (302, 403)
    assert "Sam Example" not in client.get("/admin/").content.decode()
    group.permissions.add(Permission.objects.get(codename="view_contactsubmission"))
    user = django_user_model.objects.get(pk=user.pk)
    client.force_login(user)
    assert "Sam Example" in client.get(f"/admin/booking/requests/{waiting.pk}/answer/").content.decode()
    assert "Sam Example" in client.get(reverse("booking_callrequest:index")).content.decode()


def test_the_dashboard_shows_requests_waiting_for_an_answer(editor_client, waiting):
    panel = soup(editor_client.get("/admin/")).find(id="booking-waiting-section")
    assert panel and "Sam Example" in panel.get_text()


def _visitor_emails_of_every_kind(client, editor_client, waiting, monkeypatch, capture):
    """Confirmation, reminder, offer, decline and expiry, as the visitor receives them, and the request to confirm."""
    with capture(execute=True):
        answer(editor_client, waiting, decision="accept", message="Speak soon.")
    monkeypatch.setattr(clock, "now", lambda: waiting.starts_at - timedelta(hours=20))
    call_command("booking_tasks", stdout=_Quiet())
    monkeypatch.undo()
    for decision in ("offer", "decline", "expire"):
        cache.clear()
        send_and_confirm(client, answers(client, email="kim@example.net", name="Kim Example"))
        kim = CallRequest.objects.filter(email="kim@example.net").latest("pk")
        with capture(execute=True):
            if decision == "offer":
                answer(editor_client, kim, decision="offer", new_time=offered_times(client.get("/book-a-call/"))[-1])
            elif decision == "decline":
                answer(editor_client, kim, decision="decline")
            else:
                monkeypatch.setattr(clock, "now", lambda kim=kim: kim.waiting_since + timedelta(hours=49))
                call_command("booking_tasks", stdout=_Quiet())
                monkeypatch.undo()
    return [m for m in mail.outbox if m.to[0] in ("sam@example.net", "kim@example.net")]


def test_every_email_to_the_visitor_is_signed_by_the_therapist_named_in_practice_details(
        client, editor_client, waiting, monkeypatch, django_capture_on_commit_callbacks):
    from home.models import PracticeSettings

    practice = PracticeSettings.objects.get()
    practice.therapist_name, practice.practice_name = "Alex Rivers", "Rivers Counselling"
    practice.save()
    emails = _visitor_emails_of_every_kind(client, editor_client, waiting, monkeypatch, django_capture_on_commit_callbacks)
    kinds = {m.subject for m in emails}
    assert len(kinds) == 6, kinds  # the request to confirm, confirmation, reminder, offer, decline, expiry
    for email in emails:
        body = email.body.rstrip()
        assert body.endswith("Alex Rivers\nRivers Counselling"), f"{email.subject!r} is not signed: {body[-80:]!r}"
        assert email.from_email.startswith("Alex Rivers <"), "the inbox shows who wrote"
        assert "Rivers" not in email.subject and "counselling" not in email.subject.lower()
        assert email.body.startswith("Dear "), "each one greets the visitor by name"


def test_without_a_therapist_name_the_emails_are_signed_with_the_practice_name_but_it_stays_out_of_the_header(
        editor_client, waiting, django_capture_on_commit_callbacks):
    from home.models import PracticeSettings

    practice = PracticeSettings.objects.get()
    practice.therapist_name, practice.practice_name = "", "Therapy with Ben"
    practice.save()
    with django_capture_on_commit_callbacks(execute=True):
        answer(editor_client, waiting, decision="accept")
    [email] = mail.outbox
    assert email.body.rstrip().endswith("Therapy with Ben")
    assert "therapy" not in email.from_email.lower(), "a health word in the sender shows on a lock screen"
    [event] = Calendar.from_ical(email.attachments[0][1]).walk("VEVENT")
    assert "therapy" not in str(event["summary"]).lower(), "nor in a calendar alert"


class _Quiet:
    def write(self, *args):
        pass

    def flush(self):
        pass
