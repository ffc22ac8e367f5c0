"""Count how often one visitor does something, and say when they have done it too often.

Shared by every form that needs a limit (enquiries today, call requests later).
Counts live in the default cache, which every worker and process shares (Redis,
or the SQLite cache file of the embedded default) and whose increments are
atomic, so a limit of 5 is 5 however many workers answer. Addresses are hashed
before they become cache keys, so the cache never holds a visitor's address.
"""

import hashlib
import ipaddress
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from home.client_ip import client_ip

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


def visitor(request):
    """Who is counted: the client address, with IPv6 grouped by /64 (the block one household usually gets)."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def allow(scope, request, rate):
    """Count one go at `scope` (e.g. "contact:enquiries") for this visitor; False once over the rate."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{visitor(request)}".encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}"
    try:
        cache.add(key, 0, timeout=rate.seconds)  # starts the window; does nothing if it is running
        count = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, timeout=rate.seconds)
        count = 1
    except Exception:  # noqa: BLE001 - a cache outage must not stop a real visitor
        logger.warning("Rate limit %s skipped: the cache is unavailable.", scope, exc_info=True)
        return True
    return count <= rate.count
