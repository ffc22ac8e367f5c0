"""How many enquiries one visitor may send in a period, counted in Django's cache.

The limit is the Django setting CONTACT_RATE_LIMIT ("5/h": five an hour). A
visitor is known by IP address; X-Forwarded-For is read only when
TRUSTED_PROXY_COUNT says how many proxies in front of the site add to it,
because anyone can send that header. Addresses are hashed before they become
cache keys, so the cache never holds a visitor's address.
"""

import hashlib
import ipaddress
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_UNIT_NAMES = {1: "second", 60: "minute", 3600: "hour", 86400: "day"}
_RATE = re.compile(r"\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*")


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @property
    def period_name(self):
        """"hour" for 3600 seconds, "90 seconds" for anything without a name."""
        return _UNIT_NAMES.get(self.seconds, f"{self.seconds} seconds")


def parse_rate(text):
    """"5/h" -> Rate(5, 3600); "10/15m" -> Rate(10, 900). Raises ValueError for anything else."""
    match = _RATE.fullmatch(text or "")
    if not match or int(match[1]) < 1:
        raise ValueError(f"{text!r} is not a rate such as 5/h, 20/d or 10/15m")
    return Rate(int(match[1]), int(match[2] or 1) * _UNITS[match[3]])


def current_rate():
    return parse_rate(settings.CONTACT_RATE_LIMIT)


def client_address(request):
    """The visitor's address; IPv6 visitors are grouped by /64, the block one household usually gets."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        # Each trusted proxy appends the address it received the request from,
        # so the visitor is the n-th entry from the right; earlier ones are forgeable.
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def allow(request, rate=None):
    """Count one enquiry for this visitor; False once they are over the limit."""
    rate = rate or current_rate()
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{client_address(request)}".encode()).hexdigest()[:32]
    key = f"contact:enquiries:{digest}"
    try:
        cache.add(key, 0, timeout=rate.seconds)  # starts the window; does nothing if it is running
        count = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, timeout=rate.seconds)
        count = 1
    except Exception:  # noqa: BLE001 - a cache outage must not stop a real enquiry
        logger.warning("Enquiry rate limit skipped: the cache is unavailable.", exc_info=True)
        return True
    return count <= rate.count
