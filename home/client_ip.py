"""The one place that decides which address a request came from.

Used by the sign-in lockout (django-axes, through AXES_CLIENT_IP_CALLABLE) and
by every rate limit, so they always agree on who a visitor is.

Behind a reverse proxy every connection comes from the proxy, so the visitor's
address has to come from X-Forwarded-For. That header is only believed as far
as TRUSTED_PROXY_COUNT says: each trusted proxy appends the address it received
the request from, so the visitor is the n-th entry from the right; anything to
its left was written by the visitor and could say anything. With no trusted
proxy (0, the default) the header is ignored altogether.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The visitor's IP address as text ("" when the server gave none)."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies and _is_ip(forwarded[-proxies]):
            address = forwarded[-proxies]
    return address


def _is_ip(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
