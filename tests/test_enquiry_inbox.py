"""The therapist's enquiry inbox: a list, one enquiry per page, read and unread, downloads, and who sees it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from contact.models import ContactSubmission, EnquirySettings
from tests.contact_helpers import contact_page
from tests.helpers import soup

LONDON = ZoneInfo("Europe/London")


def enquiry(name, message="I would like to talk about anxiety.", when=None):
    sent = ContactSubmission.objects.create(
        page=contact_page(),
        form_data={"your_name": name, "e_mail_address": f"{name.split()[0].lower()}@example.org",
                   "what_are_you_interested_in": "Online counselling", "anything_you_would_like_me_to_know": message},
    )
    if when:
        ContactSubmission.objects.filter(pk=sent.pk).update(submit_time=when)
        sent.refresh_from_db()
    return sent


@pytest.fixture
def page_editor(demo, django_user_model):
    """Someone in Wagtail's Editors group: may edit pages, but not read enquiries."""
    user = django_user_model.objects.create_user("helper", "helper@example.org", "a-long-test-password")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def inbox_url():
    return reverse("contact_inbox")


def test_the_list_shows_each_enquiry_with_its_sender_service_status_and_a_uk_date(editor_client, demo):
    enquiry("Robin Private", when=datetime(2026, 3, 4, 9, 5, tzinfo=LONDON))
    page = soup(editor_client.get(inbox_url()))
    item = page.select_one(".inbox-item")
    text = " ".join(item.get_text(" ").split())
    assert "Robin Private" in text and "Online counselling" in text and "New" in text
    assert "4 Mar 2026, 09:05" in text, "day, month, year, 24-hour clock"
    assert item.find("a")["href"] == reverse("contact_enquiry", args=[ContactSubmission.objects.get().pk])
    assert "1 new" in page.select_one(".inbox-count").get_text()


def test_opening_an_enquiry_shows_every_answer_and_marks_it_read(editor_client, demo):
    sent = enquiry("Robin Private", message="Evenings suit me best.")
    page = editor_client.get(reverse("contact_enquiry", args=[sent.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Enquiry from Robin Private" in text and "Evenings suit me best." in text
    assert "Anything you would like me to know" in text, "each answer under the question the form asked"
    assert 'href="mailto:robin@example.org"' in text
    sent.refresh_from_db()
    assert sent.read_at is not None
    listing = soup(editor_client.get(inbox_url()))
    assert "Read" in listing.select_one(".inbox-item__status").get_text()
    assert "No new enquiries" in listing.select_one(".inbox-count").get_text()


def test_an_enquiry_can_be_marked_as_new_again(editor_client, demo):
    sent = enquiry("Robin Private")
    editor_client.get(reverse("contact_enquiry", args=[sent.pk]))
    response = editor_client.post(reverse("contact_enquiry_unread", args=[sent.pk]))
    assert response.status_code == 302 and response["Location"] == inbox_url()
    sent.refresh_from_db()
    assert sent.read_at is None
    assert editor_client.get(reverse("contact_enquiry_unread", args=[sent.pk])).status_code == 405


def test_newest_first_and_older_newer_links_between_enquiries(editor_client, demo):
    old = enquiry("Alex Older", when=datetime(2026, 1, 5, 10, 0, tzinfo=LONDON))
    new = enquiry("Sam Newer", when=datetime(2026, 2, 5, 10, 0, tzinfo=LONDON))
    names = [a.get_text() for a in soup(editor_client.get(inbox_url())).select(".inbox-item__name")]
    assert names == ["Sam Newer", "Alex Older"]
    newest = soup(editor_client.get(reverse("contact_enquiry", args=[new.pk])))
    assert newest.find("a", string="Older enquiry")["href"] == reverse("contact_enquiry", args=[old.pk])
    assert newest.find("a", string="Newer enquiry") is None


def test_downloads_are_visible_buttons_that_give_every_enquiry(editor_client, demo):
    enquiry("Robin Private")
    page = soup(editor_client.get(inbox_url()))
    excel = page.find("a", string="Download all enquiries (Excel)")
    csv_link = page.find("a", string="Download as CSV")
    assert excel and "button" in excel["class"] and csv_link
    workbook = editor_client.get(excel["href"])
    assert workbook.status_code == 200 and "spreadsheet" in workbook["Content-Type"]
    export = editor_client.get(csv_link["href"])
    body = b"".join(export.streaming_content) if export.streaming else export.content
    assert b"Robin Private" in body


def test_retention_and_the_email_setting_are_explained_where_she_reads(editor_client, demo):
    settings = EnquirySettings.for_site(demo.get_site())
    settings.retention_days, settings.include_message_in_email = 30, False
    settings.save()
    sent = enquiry("Robin Private", when=datetime(2026, 3, 4, 9, 5, tzinfo=LONDON))
    for url in (inbox_url(), reverse("contact_enquiry", args=[sent.pk])):
        notes = " ".join(soup(editor_client.get(url)).select_one(".inbox-notes").get_text(" ").split())
        assert "deleted for good 30 days after they arrive" in notes
        assert "not their message" in notes
    detail = soup(editor_client.get(reverse("contact_enquiry", args=[sent.pk]))).select_one(".inbox-notes").get_text()
    assert "3 April 2026" in detail, "the day this enquiry will be deleted"
    settings.include_message_in_email = True
    settings.save()
    assert "includes the visitor's message" in editor_client.get(inbox_url()).content.decode()


def test_nobody_without_the_enquiry_permission_sees_any_of_it(client, demo, page_editor):
    sent = enquiry("Robin Private")
    urls = [inbox_url(), reverse("contact_enquiry", args=[sent.pk])]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(page_editor)
    for url in urls:
        response = client.get(url)
        assert b"Robin Private" not in response.content and response.status_code in (302, 403)
    assert client.post(reverse("contact_enquiry_unread", args=[sent.pk])).status_code == 404
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Robin Private" not in dashboard and inbox_url() not in dashboard, "no menu item, no dashboard box"
    sent.refresh_from_db()
    assert sent.read_at is None


def test_the_contact_page_editor_points_to_the_inbox(editor_client, demo):
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[contact_page().pk]))
    assert f'href="{inbox_url()}"' in response.content.decode()
