"""Whether booking is open, and if not, why: the visitor is told plainly and sent to the enquiry form."""

from django.conf import settings

from booking.models import CallRequest
from contact.mail import NO_EMAIL_BACKEND
from practice.availability import current_availability

NOT_TAKING = "not_taking"  # the practice is not taking new clients
FULL = "full"  # the cap on requests waiting for an answer is reached
NO_EMAIL = "no_email"  # e-mail is not set up: no visitor could confirm a request


def taking_new_clients(site):
    """The practice-wide answer (Settings › Availability), shared with every other page."""
    return bool(current_availability(site).taking_new_clients)


def waiting_count(page):
    return CallRequest.objects.filter(page=page, status__in=CallRequest.OPEN).count()


def closed_reason(page, site):
    # A request counts only once its visitor confirms it from an e-mail: without e-mail
    # nobody could, and every visitor would wait for a message that never comes.
    if settings.EMAIL_BACKEND == NO_EMAIL_BACKEND:
        return NO_EMAIL
    if not taking_new_clients(site):
        return NOT_TAKING
    if waiting_count(page) >= page.max_waiting:
        return FULL
    return None
