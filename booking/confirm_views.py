"""The confirm link from the visitor's first e-mail: opening it shows the request, pressing its button confirms it.

Opening changes nothing (mail scanners follow links); only the button's POST
confirms. Every outcome is a page in the therapist's voice, never an error page:
a link that was altered, one whose request was not confirmed in time, a second
press, and a cap reached meanwhile.
"""

from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from booking import confirming, tokens
from booking.models import CallRequest
from home.models import PracticeSettings

TEMPLATE = "booking/confirm_request.html"
# What the page says, and its HTTP status (a made-up link is not found; a deleted request is gone).
STATES = {"invalid": 404, "gone": 410, "ask": 200, "confirmed": 200, "already": 200, "full": 200}


def _request_named(page, signed):
    """(state, request) for the link: "invalid", "gone", or the request with its status."""
    named = tokens.unsign_confirm(signed)
    if named is None:
        return "invalid", None
    pk, stamp = named
    call_request = CallRequest.objects.filter(pk=pk, page=page).first()
    if call_request is None or not tokens.names(call_request, stamp):
        return "gone", None
    if call_request.status != CallRequest.Status.UNCONFIRMED:
        return "already", call_request
    return "ask", call_request


def confirm_view(request, page, signed):
    state, call_request = _request_named(page, signed)
    if state == "ask" and request.method == "POST":
        try:
            call_request = confirming.confirm(call_request)
            state = "confirmed"
        except confirming.Gone:
            state, call_request = "gone", None
        except confirming.Full:
            state = "full"
    context = page.get_context(request)
    context.update(
        state=state, call=call_request, hold_minutes=confirming.HOLD_MINUTES,
        contact_page=PracticeSettings.for_request(request).contact_page,
    )
    response = TemplateResponse(request, TEMPLATE, context, status=STATES[state])
    add_never_cache_headers(response)
    return response
