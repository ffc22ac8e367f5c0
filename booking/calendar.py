"""Calendar files (.ics) made with icalendar: the visitor's confirmation, and the therapist's private feed."""

from datetime import UTC

from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Practice website//Introductory calls//EN"


def _calendar(name=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def _event(call_request, host, summary, description=""):
    event = Event()
    event.add("uid", f"call-request-{call_request.pk}@{host}")
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", call_request.starts_at.astimezone(UTC))
    event.add("dtend", call_request.ends_at.astimezone(UTC))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    return event


def confirmation(call_request, host, summary, description):
    """The file attached to the visitor's confirmation."""
    calendar = _calendar()
    calendar.add_component(_event(call_request, host, summary, description))
    return calendar.to_ical()


def feed(call_requests, host, name):
    """The therapist's feed: initial and way only, never a note, service or contact detail."""
    calendar = _calendar(name)
    for call_request in call_requests:
        calendar.add_component(_event(call_request, host, call_request.calendar_title))
    return calendar.to_ical()
