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

# The address of every request whose header lacks an address where the trusted
# proxies put theirs ("unknown", "", "1.2.3", too few entries). A proxy always
# writes an address there, so such a request came past the proxy or through one
# set up wrongly, and nothing in it says who sent it. It must not count as the
# connection's address: that is the proxy's own, shared with every request that
# comes without the header, so six tries with "unknown" would lock those out of
# signing in. Nor may it go uncounted, or a client could escape the sign-in
# lockout and the enquiry limit by writing "unknown". So all such requests
# share one address of their own: changing the text gives no fresh allowance,
# and no real visitor, whose entry is an address, ever shares their count. It
# is the unspecified address, which no connection comes from, because the
# lockout stores it in an address column.
NO_ADDRESS = "0.0.0.0"


def client_ip(request):
    """The visitor's IP address as text ("" when the server gave none)."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0 and "HTTP_X_FORWARDED_FOR" in request.META:
        # Empty entries are kept, so that an empty last entry is refused rather than skipped.
        forwarded = [part.strip() for part in request.META["HTTP_X_FORWARDED_FOR"].split(",")]
        address = forwarded[-proxies] if len(forwarded) >= proxies and _is_ip(forwarded[-proxies]) else NO_ADDRESS
    return address


def _is_ip(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
