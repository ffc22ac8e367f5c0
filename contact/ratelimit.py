"""How many enquiries one visitor may send in a period (the CONTACT_RATE_LIMIT setting, "5/h").

The counting itself, and who counts as one visitor, live in home.ratelimit and
home.client_ip, shared with the sign-in lockout and any later form.
"""

from django.conf import settings

from home import ratelimit
from home.ratelimit import Rate, parse_rate, visitor

__all__ = ["Rate", "allow", "current_rate", "parse_rate", "visitor"]


def current_rate():
    return parse_rate(settings.CONTACT_RATE_LIMIT)


def allow(request, rate=None):
    """Count one enquiry for this visitor; False once they are over the limit."""
    return ratelimit.allow("contact:enquiries", request, rate or current_rate())
