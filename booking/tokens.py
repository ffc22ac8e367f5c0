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


# The confirm link a visitor is sent when they ask for a time. Its own salt, so a manage link never
# confirms and a confirm link never manages. It also names the moment the request was made, so it can
# only ever confirm that very request, and an outdated link is told apart from a made-up one.
CONFIRM_SALT = "booking.confirm-request"
CONFIRM_TOKEN = re.compile(r"(\d{1,18})-(\d{1,12})-([\w-]{20,100})")


def _stamp(call_request):
    return str(int(call_request.created_at.timestamp()))


def _confirm_signature(pk, stamp):
    return Signer(salt=CONFIRM_SALT).signature(f"{pk}-{stamp}")


def sign_confirm(call_request):
    stamp = _stamp(call_request)
    return f"{call_request.pk}-{stamp}-{_confirm_signature(call_request.pk, stamp)}"


def unsign_confirm(value):
    """(id, stamp) of the request a genuine confirm link names, or None for one altered or made up."""
    match = CONFIRM_TOKEN.fullmatch(value or "")
    if not match or not constant_time_compare(match[3], _confirm_signature(match[1], match[2])):
        return None
    return int(match[1]), match[2]


def names(call_request, stamp):
    """Whether a checked link's stamp belongs to this request (and not an earlier one with its id)."""
    return _stamp(call_request) == stamp


def confirm_url(call_request):
    page = call_request.page
    return page.get_full_url() + page.reverse_subpage("confirm", args=[sign_confirm(call_request)])
