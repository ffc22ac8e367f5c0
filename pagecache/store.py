"""Where rendered pages are kept, and how the whole set is thrown away at once.

Every key carries a generation number. Invalidating bumps the number, so all
earlier entries become unreachable at once on any cache backend (the shared
SQLite cache of the embedded default, or a Redis shared by several app
servers) without scanning or flushing; they expire on their own. The number
lives in that shared cache, so a bump by one worker or by a management command
is seen by every worker on its next request.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

GENERATION_KEY = "generation"


def page_cache():
    return caches["pages"]


def generation():
    cache = page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def key_for(request, gen):
    # Hashed, so any URL (however long or odd) makes a short, safe cache key.
    address = f"{request.method}:{request.get_host()}:{request.get_full_path()}"
    return f"{gen}:{hashlib.sha256(address.encode()).hexdigest()}"


def invalidate():
    """Throw every cached page away, now and again once the change is committed.

    The second bump closes a gap: a worker that renders the page between the
    first bump and the commit still sees the old content and would store it
    under the new number.
    """
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def _bump():
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation stored yet: nothing cached under one either
        cache.set(GENERATION_KEY, 2, timeout=None)


def timeout():
    return settings.PAGE_CACHE_SECONDS
