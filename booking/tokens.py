"""Signed links that let a visitor manage their request from an e-mail, with no account.

The link names the request and is signed with the site's secret key, so it
cannot be guessed or altered. It only opens a page; changes need a button
press (a POST), so mail scanners that follow links change nothing.
"""

import re

from django.core.signing import Signer
from django.utils.crypto import constant_time_compare

SALT = "booking.manage-request"
# "<id>-<signature>": only letters, digits, - and _, the characters Wagtail's page URLs allow
# (Django's signing.dumps() puts colons in, which would never reach the page).
TOKEN = re.compile(r"(\d{1,18})-([\w-]{20,100})")


def _signature(pk):
    return Signer(salt=SALT).signature(str(pk))


def sign(call_request):
    return f"{call_request.pk}-{_signature(call_request.pk)}"


def unsign(value):
    """The request's id, or None for a link that was altered or made up."""
    match = TOKEN.fullmatch(value or "")
    if not match or not constant_time_compare(match[2], _signature(match[1])):
        return None
    return int(match[1])


def manage_url(call_request):
    page = call_request.page
    return page.get_full_url() + page.reverse_subpage("manage", args=[sign(call_request)])
