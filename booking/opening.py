"""Whether booking is open, and if not, why: the visitor is told plainly and sent to the enquiry form."""

from booking.models import CallRequest
from practice.availability import current_availability

NOT_TAKING = "not_taking"  # the practice is not taking new clients
FULL = "full"  # the cap on requests waiting for an answer is reached


def taking_new_clients(site):
    """The practice-wide answer (Settings › Availability), shared with every other page."""
    return bool(current_availability(site).taking_new_clients)


def waiting_count(page):
    return CallRequest.objects.filter(page=page, status__in=CallRequest.OPEN).count()


def closed_reason(page, site):
    if not taking_new_clients(site):
        return NOT_TAKING
    if waiting_count(page) >= page.max_waiting:
        return FULL
    return None
