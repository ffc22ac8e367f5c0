"""Spam and abuse: the spam trap and the rate limit stop robots, never a real visitor."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client, RequestFactory

from contact.ratelimit import parse_rate, visitor
from tests.contact_helpers import ANSWERS, CONTACT_URL, send, stored, valid_answers
from tests.helpers import soup

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")


def test_a_filled_spam_trap_stores_nothing_and_shows_the_box_with_its_message(client, demo):
    response = send(client, valid_answers(**{"home-page": "http://spam.example"}))
    assert response.status_code == 200
    assert stored() == []
    page = soup(response)
    link = page.find(class_="error-summary").find("a")
    trap = page.find(id=link["href"][1:])
    assert trap["name"] == "home-page"
    assert not trap.find_parent(attrs={"aria-hidden": "true"}), "a person whose browser filled it can now see it"
    assert not trap.has_attr("tabindex"), "and reach it with the keyboard"
    assert "Leave this box empty" in page.find("label", attrs={"for": trap["id"]}).get_text()
    assert page.find("textarea").get_text().strip() == ANSWERS["multiline"], "what they typed is kept"
    cleared = send(client, valid_answers(**{"home-page": ""}))
    assert cleared.status_code == 200 and len(stored()) == 1


def test_sixth_enquiry_in_an_hour_gets_a_clear_429_and_keeps_the_text(client, demo, settings):
    settings.CONTACT_RATE_LIMIT = "5/h"
    for _ in range(5):
        assert send(client, valid_answers()).status_code == 200
    response = send(client, valid_answers(**{"your_name": "Sixth Sender"}))
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    page = soup(response)
    summary = page.find(class_="error-summary")
    assert "Please wait a little before sending again" in summary.get_text()
    assert "5 enquiries per hour" in summary.get_text()
    assert summary.find("a", href="tel:01632960418"), "it offers another way to get in touch"
    assert page.find("input", attrs={"name": "your_name"})["value"] == "Sixth Sender"
    assert len(stored()) == 5


def test_mistakes_do_not_count_towards_the_limit(client, demo, settings):
    settings.CONTACT_RATE_LIMIT = "2/h"
    for _ in range(5):
        send(client, valid_answers(e_mail_address="not an address"))
    assert send(client, valid_answers()).status_code == 200


def test_the_limit_is_per_visitor(client, demo, settings):
    settings.CONTACT_RATE_LIMIT = "1/h"
    assert send(client, valid_answers(), REMOTE_ADDR="198.51.100.7").status_code == 200
    assert send(client, valid_answers(), REMOTE_ADDR="198.51.100.7").status_code == 429
    assert send(client, valid_answers(), REMOTE_ADDR="203.0.113.9").status_code == 200


def test_forged_forwarded_for_is_ignored_without_a_trusted_proxy(client, demo, settings):
    settings.CONTACT_RATE_LIMIT = "1/h"
    send(client, valid_answers(), HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert send(client, valid_answers(), HTTP_X_FORWARDED_FOR="192.0.2.2").status_code == 429


def test_behind_a_trusted_proxy_each_forwarded_visitor_has_their_own_limit(client, demo, settings):
    settings.CONTACT_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXY_COUNT = 1
    assert send(client, valid_answers(), HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 200
    assert send(client, valid_answers(), HTTP_X_FORWARDED_FOR="192.0.2.2").status_code == 200
    # A visitor cannot escape by adding their own entry: the proxy's (rightmost) one counts.
    assert send(client, valid_answers(), HTTP_X_FORWARDED_FOR="10.9.9.9, 192.0.2.1").status_code == 429


@pytest.mark.parametrize(("remote", "forwarded", "proxies", "expected"), [
    ("198.51.100.7", "", 0, "198.51.100.7"),
    ("198.51.100.7", "192.0.2.1", 0, "198.51.100.7"),
    ("10.0.0.1", "192.0.2.1", 1, "192.0.2.1"),
    ("10.0.0.1", "6.6.6.6, 192.0.2.1, 10.0.0.2", 2, "192.0.2.1"),
    # No address where the proxy's entry should be: never the connection's (the proxy's), one bucket of their own.
    ("10.0.0.1", "not-an-address", 1, "0.0.0.0"),
    ("10.0.0.1", "192.0.2.1, ", 1, "0.0.0.0"),
    ("10.0.0.1", "192.0.2.1", 2, "0.0.0.0"),  # fewer entries than trusted proxies: not believed
    ("2001:db8:1:2:3:4:5:6", "", 0, "2001:db8:1:2::/64"),
    ("::ffff:192.0.2.5", "", 0, "192.0.2.5"),
])
def test_who_counts_as_one_visitor(settings, remote, forwarded, proxies, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().post("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert visitor(request) == expected


@pytest.mark.parametrize(("text", "count", "seconds"), [("5/h", 5, 3600), ("100/m", 100, 60), (" 20 / d ", 20, 86400), ("10/15m", 10, 900)])
def test_rate_limit_setting_is_read(text, count, seconds):
    rate = parse_rate(text)
    assert (rate.count, rate.seconds) == (count, seconds)


def test_a_mistyped_rate_limit_is_reported_by_the_system_check(settings):
    settings.CONTACT_RATE_LIMIT = "five an hour"
    with pytest.raises(SystemCheckError, match="contact.E001"):
        call_command("check")


def test_missing_csrf_token_gets_a_friendly_403_page(demo):
    client = Client(enforce_csrf_checks=True)
    response = client.post(CONTACT_URL, valid_answers())
    assert response.status_code == 403
    page = soup(response)
    assert "your form was not sent" in page.find("h1").get_text()
    assert page.find("a", href=CONTACT_URL)
    assert page.find("footer"), "the page keeps the site's header and footer"
    assert stored() == []


def test_with_its_csrf_token_the_form_is_accepted(demo):
    client = Client(enforce_csrf_checks=True)
    form = soup(client.get(CONTACT_URL)).find("main").find("form")
    data = valid_answers(**{
        "csrfmiddlewaretoken": form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"],
        "submission-token": form.find("input", attrs={"name": "submission-token"})["value"],
    })
    assert client.post(CONTACT_URL, data).status_code == 200
    assert len(stored()) == 1
