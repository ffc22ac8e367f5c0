"""Behind a proxy every request comes from the proxy's address: the sign-in lockout
and the enquiry rate limit must still tell visitors apart, and must not be fooled
by an X-Forwarded-For header a visitor wrote themselves."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

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
