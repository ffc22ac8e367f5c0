"""Behind a proxy every request comes from the proxy's address: the sign-in lockout
and the enquiry rate limit must still tell visitors apart, and must not be fooled
by an X-Forwarded-For header a visitor wrote themselves."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.contact_helpers import send, valid_answers

PROXY = "127.0.0.1"  # nginx on the same machine, as in deploy/
PASSWORD = "the-right-password-123"


@pytest.fixture
def therapist(db, django_user_model, settings):
    settings.AXES_ENABLED = True
    return django_user_model.objects.create_superuser("therapist", "t@example.org", PASSWORD)


def sign_in(password, forwarded_for):
    return Client().post("/admin/login/", {"username": "therapist", "password": password},
                         REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def test_behind_one_proxy_a_guesser_does_not_lock_out_the_therapist(therapist, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in("wrong", forwarded_for="203.0.113.66")
    assert sign_in("wrong", forwarded_for="203.0.113.66").status_code == 429, "the guesser is locked out"
    assert sign_in(PASSWORD, forwarded_for="198.51.100.7").status_code == 302, "the therapist gets in"


def test_behind_one_proxy_the_guesser_cannot_escape_by_adding_an_address(therapist, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in("wrong", forwarded_for=f"10.0.0.{n}, 203.0.113.66")
    assert sign_in(PASSWORD, forwarded_for="10.9.9.9, 203.0.113.66").status_code == 429


def test_without_a_trusted_proxy_a_forged_header_changes_nothing(therapist, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in("wrong", forwarded_for=f"192.0.2.{n}")
    # Every try came from one address (the connection's), whatever the header said.
    assert sign_in(PASSWORD, forwarded_for="198.51.100.7").status_code == 429


# What a client may put last in X-Forwarded-For when it reaches the server without the proxy appending its address.
NOT_ADDRESSES = ["unknown", "", "garbage", "1.2.3", "203.0.113.66, unknown", "[::1]:443"]


def sign_in_without_header(password):
    return Client().post("/admin/login/", {"username": "therapist", "password": password}, REMOTE_ADDR=PROXY)


@pytest.mark.parametrize("entry", NOT_ADDRESSES)
def test_behind_one_proxy_tries_with_no_address_do_not_lock_out_sign_ins_from_the_proxys_own_address(therapist, settings, entry):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(django_settings.AXES_FAILURE_LIMIT + 1):
        sign_in("wrong", forwarded_for=entry)
    assert sign_in_without_header(PASSWORD).status_code == 302, f"locked out by {entry!r} in the header"
    assert sign_in(PASSWORD, forwarded_for="198.51.100.7").status_code == 302


def test_behind_one_proxy_a_guesser_cannot_escape_the_lockout_by_changing_what_is_not_an_address(therapist, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for entry in NOT_ADDRESSES[: django_settings.AXES_FAILURE_LIMIT]:
        sign_in("wrong", forwarded_for=entry)
    assert sign_in(PASSWORD, forwarded_for="something-else").status_code == 429


@pytest.mark.usefixtures("fresh_rate_limits")
def test_behind_one_proxy_no_address_neither_escapes_the_enquiry_limit_nor_uses_up_another_visitors(client, demo, settings):
    settings.CONTACT_RATE_LIMIT = "2/h"
    settings.TRUSTED_PROXY_COUNT = 1
    sent = [send(client, valid_answers(), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=entry).status_code
            for entry in ("unknown", "garbage", "1.2.3")]
    assert sent == [200, 200, 429], "changing what is not an address gives no fresh allowance"
    assert send(client, valid_answers(), REMOTE_ADDR=PROXY).status_code == 200, "the proxy's own address still sends"
    assert send(client, valid_answers(), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 200
