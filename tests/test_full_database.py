"""A full or read-only database: nobody is thanked for what was not kept, and nothing typed is lost.

SQLite's ``max_page_count`` makes the database full for this connection (the
free pages are filled first, and the visitor writes a long message, which
needs a page of its own, so the row truly has nowhere to go);
``query_only`` makes it refuse every write, as a file made read-only does.
Each visitor form must then answer with a calm "not saved, please try again",
show what was typed, store nothing half-made, and tell the therapist in the
log.
"""

import logging

import pytest
from django.db import connection

from contact.models import ContactSubmission
from insights.models import HelpfulNote
from tests import contact_helpers
from tests.helpers import soup
from tests.test_booking_support import BOOKING_URL, answers, offered_times, visitor_requests

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own limits make the fault")


def fill_the_database():
    """No page left: the file may not grow, and its free pages are used up (without ever hitting the
    limit here, which would make SQLite roll back the test's own transaction)."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE filler (blob BLOB)")
        while True:
            cursor.execute("PRAGMA freelist_count")
            if not cursor.fetchone()[0]:
                break
            cursor.execute("INSERT INTO filler VALUES (zeroblob(3000))")
        cursor.execute("PRAGMA page_count")
        cursor.execute(f"PRAGMA max_page_count = {cursor.fetchone()[0]}")


LONG = "I would like to talk about a long story. " * 110  # over a database page, within the form's limit


def a_site_that_has_been_running(client):
    """Each page seen once, as on a live site, so the settings rows Wagtail makes on first use exist."""
    from blog.models import BlogPage

    for url in ("/", "/contact/", BOOKING_URL, BlogPage.objects.live().first().url):
        assert client.get(url).status_code == 200


@pytest.fixture(params=["full", "read-only"])
def broken_database(request, demo, fresh_rate_limits, client):
    from booking.models import BookingPage

    BookingPage.objects.update(ask_for_note=True)
    a_site_that_has_been_running(client)
    if request.param == "full":
        fill_the_database()
    else:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = 1")
    yield request.param
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = 0")
        cursor.execute("PRAGMA max_page_count = 1073741823")


@pytest.fixture
def read_only_database(demo, fresh_rate_limits, client):
    a_site_that_has_been_running(client)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = 1")
    yield
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = 0")


def says_not_saved(response):
    return response.status_code == 503 and "could not be saved just now" in soup(response).get_text(" ")


def test_an_enquiry_that_cannot_be_stored_is_not_thanked_and_keeps_what_was_typed(client, broken_database, caplog):
    before = ContactSubmission.objects.count()
    data = contact_helpers.valid_answers()
    message = contact_helpers.field_name(contact_helpers.contact_page(), "multiline")
    data[message] = LONG
    with caplog.at_level(logging.ERROR):
        response = contact_helpers.send(client, data)
    assert says_not_saved(response)
    assert "has been sent" not in response.content.decode()
    assert soup(response).find("textarea", attrs={"name": message}).get_text().strip() == LONG.strip()
    assert ContactSubmission.objects.count() == before
    assert "could not be stored" in caplog.text


def test_a_call_request_that_cannot_be_stored_is_not_thanked_and_keeps_what_was_typed(client, broken_database, caplog):
    data = answers(slot=offered_times(client.get(BOOKING_URL))[0], name="Kim Unsaved", note=LONG)
    with caplog.at_level(logging.ERROR):
        response = client.post(BOOKING_URL, data)
    assert says_not_saved(response)
    assert "please confirm by e-mail" not in response.content.decode()
    assert soup(response).find("input", attrs={"name": "name"})["value"] == "Kim Unsaved"
    assert soup(response).find("textarea", attrs={"name": "note"}).get_text().strip() == LONG.strip()
    assert visitor_requests() == []
    assert "could not be stored" in caplog.text


def test_a_helpful_answer_that_cannot_be_stored_is_not_thanked_and_keeps_the_note(client, read_only_database, caplog):
    from blog.models import BlogPage

    post = BlogPage.objects.live().first()
    with caplog.at_level(logging.ERROR):
        response = client.post("/insights/helpful/", {"page": post.pk, "answer": "no", "missing": "More on fees, please"},
                               REMOTE_ADDR="198.51.100.40")
    assert says_not_saved(response)
    page = soup(response)
    assert page.find("textarea", attrs={"name": "missing"}).get_text() == "More on fees, please"
    assert page.find("input", attrs={"name": "answer", "value": "no"}).has_attr("checked")
    assert not HelpfulNote.objects.filter(text__contains="More on fees").exists()
    assert "could not be saved" in caplog.text
    # Once the database takes writes again, sending the same answer again is kept.
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = 0")
    client.post("/insights/helpful/", {"page": post.pk, "answer": "no", "missing": "More on fees, please"},
                REMOTE_ADDR="198.51.100.40")
    assert HelpfulNote.objects.filter(text__contains="More on fees").exists()


def test_pages_are_served_from_a_read_only_database_after_an_edit_threw_the_kept_facts_away(client, demo, caplog):
    from wagtail.models import Site

    from practice.models import FeesSettings

    a_site_that_has_been_running(client)
    FeesSettings.for_site(Site.objects.get(is_default_site=True)).save()  # an edit, just before the disk went read-only
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = 1")
    try:
        answers = {url: client.get(url).status_code for url in ("/", "/fees/", "/contact/", BOOKING_URL)}
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = 0")
    assert answers == dict.fromkeys(answers, 200)
    assert "could not be kept" in caplog.text
