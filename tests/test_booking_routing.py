"""Only people who may read enquiries decide where call requests go, what the e-mail carries and how long they are kept.

A call request holds a visitor's name, e-mail, phone and, when asked for, a
note about their health: the same rule as the contact page's recipient.
"""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Site

from contact.models import EnquirySettings
from tests.helpers import form_data, page_edit_url, soup
from tests.helpers import publish_with as publish_page_with
from tests.test_booking_support import answers, booking_page, send_and_confirm

PRIVATE_FIELDS = ("to_address", "include_note_in_email", "keep_days")
OUTSIDER = "outsider@example.com"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def edit_url():
    return page_edit_url(booking_page())


def publish_with(client, **changes):
    return publish_page_with(client, booking_page(), **changes)


def private_values(page):
    return page.to_address, page.include_note_in_email, page.keep_days


def test_a_moderator_can_neither_see_nor_reroute_call_requests(client, demo, moderator, django_capture_on_commit_callbacks):
    page = booking_page()
    page.ask_for_note = True
    page.save_revision().publish()
    before = private_values(booking_page())
    client.force_login(moderator)
    editor = soup(client.get(edit_url()))
    shown = [name for name in PRIVATE_FIELDS if editor.find(attrs={"name": name})]
    assert shown == [], f"offered to a moderator: {shown}"

    response = publish_with(client, to_address=OUTSIDER, include_note_in_email="on", keep_days="3650",
                            introduction="Wording a moderator may polish.")
    assert response.status_code == 302, "the rest of the page still publishes"
    page = booking_page()
    assert page.introduction == "Wording a moderator may polish."
    assert private_values(page) == before, f"the moderator's POST changed them to {private_values(page)}"
    assert private_values(page.get_latest_revision().as_object()) == before

    visitor = client.__class__()
    with django_capture_on_commit_callbacks(execute=True):
        send_and_confirm(visitor, answers(visitor, note="I have been very anxious lately."))
    [told] = [message for message in mail.outbox if message.to != ["sam@example.net"]]
    assert told.to == ["ben@example.org"]
    assert "anxious" not in told.body


def test_someone_who_may_read_enquiries_decides_where_requests_go(client, demo, moderator):
    moderator.groups.first().permissions.add(Permission.objects.get(codename="view_contactsubmission"))
    client.force_login(moderator)
    editor = soup(client.get(edit_url()))
    assert all(editor.find(attrs={"name": name}) for name in PRIVATE_FIELDS)
    assert publish_with(client, to_address="ben.new@example.org", include_note_in_email="on", keep_days="30").status_code == 302
    assert private_values(booking_page()) == ("ben.new@example.org", True, 30)


@pytest.fixture
def settings_editor(moderator):
    """A moderator who was also allowed to change Enquiry settings, but not to read enquiries."""
    moderator.groups.first().permissions.add(
        Permission.objects.get(codename="change_enquirysettings"), Permission.objects.get(codename="access_admin"),
    )
    return moderator


def test_enquiry_privacy_settings_are_only_for_those_who_may_read_enquiries(client, demo, settings_editor):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["contact", "enquirysettings", site.pk])
    client.force_login(settings_editor)
    response = client.get(url)
    assert response.status_code == 200
    shown = [name for name in ("include_message_in_email", "retention_days") if soup(response).find(attrs={"name": name})]
    assert shown == [], f"offered without the enquiry permission: {shown}"

    client.post(url, {"include_message_in_email": "on", "retention_days": "3650"})
    chosen = EnquirySettings.for_site(site)
    assert (chosen.include_message_in_email, chosen.retention_days) == (False, 180), (
        f"the POST changed them to {(chosen.include_message_in_email, chosen.retention_days)}"
    )


def test_the_practice_e_mail_that_requests_fall_back_to_is_only_for_those_who_may_read_enquiries(
        client, demo, moderator, django_capture_on_commit_callbacks):
    page = booking_page()
    page.to_address = ""  # requests go to the e-mail address in Practice details
    page.save_revision().publish()
    moderator.groups.first().permissions.add(
        Permission.objects.get(codename="change_practicesettings"), Permission.objects.get(codename="access_admin"),
    )
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["home", "practicesettings", site.pk])
    client.force_login(moderator)
    response = client.get(url)
    assert soup(response).find(attrs={"name": "email"}) is None, "offered without the enquiry permission"

    data = form_data(response)
    data.update(email=[OUTSIDER], practice_name=["Renamed by a helper"])
    assert client.post(url, data).status_code == 302, "the rest of the details still save"
    visitor = client.__class__()
    with django_capture_on_commit_callbacks(execute=True):
        send_and_confirm(visitor, answers(visitor))
    assert [message.to for message in mail.outbox if message.to != ["sam@example.net"]] == [["ben@example.org"]]


def test_a_moderator_can_neither_read_nor_renew_the_calendar_address(client, demo, moderator):
    from booking.models import CalendarFeed

    key = CalendarFeed.objects.get().key
    client.force_login(moderator)
    for response in (client.get("/admin/booking/calendar-feed/"), client.post("/admin/booking/calendar-feed/")):
        assert response.status_code in (302, 403) and key not in response.content.decode()
    assert CalendarFeed.objects.get().key == key, "the therapist's calendar address was replaced"
