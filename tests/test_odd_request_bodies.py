"""A form body in an odd character set gets a 400 and one log line, never a 500 and a flood of them."""

import logging

import pytest
from django.test import Client

URLS = ["/", "/about/", "/contact/", "/search/", "/admin/login/", "/no-such-page/"]
CONTENT_TYPES = [
    "application/x-www-form-urlencoded; charset=latin-1",
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/x-www-form-urlencoded; charset=utf-7",
    'application/x-www-form-urlencoded; charset="iso-8859-1"',
    "application/x-www-form-urlencoded; charset=no-such-charset",
    "multipart/form-data; boundary=xyz; charset=utf-16",
    "multipart/form-data; boundary=xyz; charset=no-such-charset",
]
BODY = b"name=Sam&message=%E9t%E9"


@pytest.mark.parametrize("content_type", CONTENT_TYPES)
def test_every_url_answers_400_with_one_log_line(demo, caplog, content_type):
    visitor = Client(enforce_csrf_checks=True, raise_request_exception=False)
    visitor.cookies["csrftoken"] = "a" * 32
    for url in URLS:
        caplog.clear()
        with caplog.at_level(logging.INFO):
            response = visitor.generic("POST", url, BODY, content_type=content_type)
        if content_type.startswith("multipart/"):
            # Read as UTF-8 (Django's choice for multipart) and refused for its missing CSRF token.
            assert response.status_code in (400, 403), (url, response.status_code)
        else:
            assert response.status_code == 400, (url, response.status_code)
        records = [record for record in caplog.records if record.levelno >= logging.INFO]
        assert len(records) == 1, (url, [record.getMessage() for record in records][:5])


def test_an_ordinary_form_body_is_still_read(demo):
    visitor = Client(enforce_csrf_checks=True)
    visitor.cookies["csrftoken"] = "a" * 32
    for content_type in ("application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8"):
        response = visitor.generic("POST", "/contact/", BODY, content_type=content_type)
        assert response.status_code == 403, "reaches the CSRF check, which refuses the missing token"


@pytest.mark.parametrize("body", [b"&".join(b"f%d=1" % n for n in range(10_001)), b"a=" + b"x" * 3_000_000])
def test_too_many_fields_or_too_big_a_body_is_also_one_400(demo, caplog, body):
    visitor = Client(enforce_csrf_checks=True, raise_request_exception=False)
    visitor.cookies["csrftoken"] = "a" * 32
    with caplog.at_level(logging.INFO):
        response = visitor.generic("POST", "/about/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert len([record for record in caplog.records if record.levelno >= logging.INFO]) == 1
