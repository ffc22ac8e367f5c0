"""The whole life of an introductory call in real Chromium: booked, confirmed by the visitor, accepted with a calendar file, cancelled.

The live server runs in this process with the locmem e-mail backend, so the
e-mails the site sends land in django.core.mail.outbox, where the visitor's
inbox is read from.
"""

import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import expect

from booking.clock import LONDON
from tests.browser.test_therapist_admin import PASSWORD, sign_in

pytestmark = pytest.mark.browser

NAME = "Jordan Journey"
EMAIL = "jordan@example.net"


@pytest.fixture
def therapist(django_user_model):
    return django_user_model.objects.create_superuser("therapist", "therapist@example.org", PASSWORD)


def test_a_visitor_books_the_therapist_accepts_the_calendar_file_arrives_and_the_visitor_cancels(new_page, therapist):
    # The visitor chooses a time with the keyboard: Tab to the first time, then the arrow key to the next one.
    visitor = new_page()
    visitor.goto("/book-a-call/")
    times = visitor.locator("#times input[name=slot]")
    times.first.focus()
    visitor.keyboard.press("Space")
    visitor.keyboard.press("ArrowRight")
    chosen = times.nth(1)
    expect(chosen).to_be_checked()
    key = chosen.get_attribute("value")
    label = visitor.locator(f"label[for='{chosen.get_attribute('id')}']").inner_text().split()[0]
    starts_at = datetime.strptime(key, "%Y%m%dT%H%MZ").replace(tzinfo=UTC)
    assert starts_at.astimezone(LONDON).strftime("%H:%M") == label, "the label is the UK time of the value sent"

    visitor.get_by_label("Your name").fill(NAME)
    visitor.get_by_label("E-mail address").fill(EMAIL)
    visitor.get_by_label("Video call").check()
    visitor.get_by_label(re.compile("I agree that .* may keep my name")).check()
    visitor.get_by_role("button", name="Ask for this time").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Nearly done: please confirm by e-mail")
    expect(visitor.locator(".page-header .lead")).to_contain_text(f"at {label}")

    # The visitor confirms from the e-mail: only then does the request reach the therapist.
    [ask] = [email for email in mail.outbox if email.to == [EMAIL]]
    link = next(line for line in ask.body.splitlines() if "/confirm/" in line)
    visitor.goto(urlsplit(link.strip()).path)
    visitor.get_by_role("button", name="Confirm my request").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Thank you: your request is confirmed")

    # The therapist finds the request on her dashboard and accepts it with a short message.
    admin = new_page()
    sign_in(admin)
    panel = admin.locator("#booking-waiting-section")
    panel.get_by_role("link", name=re.compile(NAME)).click()
    expect(admin.get_by_text(EMAIL)).to_be_visible()
    admin.get_by_label("Accept this time").check()
    admin.get_by_label("Message to the visitor").fill("Looking forward to meeting you.")
    admin.get_by_role("button", name="Send my answer").click()
    expect(admin.get_by_text("Accepted: the visitor has been sent a confirmation")).to_be_visible()

    # The confirmation reaches the visitor with a calendar file at the right UK time.
    [confirmation] = [email for email in mail.outbox if email.to == [EMAIL] and email.attachments]
    assert "Looking forward to meeting you." in confirmation.body
    assert f"{starts_at.astimezone(LONDON):%A %-d %B %Y}, {label} to" in confirmation.body
    [(filename, content, mimetype)] = confirmation.attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == starts_at
    assert event.decoded("dtstart").astimezone(LONDON).strftime("%H:%M") == label

    # The visitor cancels from the link in that e-mail, with no account.
    link = next(line for line in confirmation.body.splitlines() if "/request/" in line)
    visitor.goto(urlsplit(link.strip()).path)
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Your introductory call")
    visitor.get_by_role("button", name="Cancel the call").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Your call is cancelled")

    # The therapist's list shows it cancelled.
    admin.goto("/admin/")
    admin.get_by_role("link", name="Call requests").first.click()
    row = admin.locator("tr", has_text=NAME)
    expect(row).to_contain_text("Cancelled by the visitor")
