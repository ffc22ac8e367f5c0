"""Where rendered pages are kept, and how the whole set is thrown away at once.

Every key carries a generation number. Invalidating bumps the number, so all
earlier entries become unreachable at once on any cache backend (the shared
SQLite cache of the embedded default, or a Redis shared by several app
servers) without scanning or flushing; they expire on their own. The number
lives in that shared cache, so a bump by one worker or by a management command
is seen by every worker on its next request.
"""

import hashlib
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

GENERATION_KEY = "generation"

_per_request = ContextVar("page_cache_generation", default=None)


def page_cache():
    return caches["pages"]


def generation():
    """The current generation: read from the shared cache once per request."""
    memo = _per_request.get()
    if memo is not None and "generation" in memo:
        return memo["generation"]
    cache = page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Never a number used before: a cache that lost the key (emptied, or
        # culled when full) must not bring back pages or fragments kept under
        # an old number, here or in a worker's memory (pagecache.local).
        cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
        value = cache.get(GENERATION_KEY)
    if memo is not None:
        memo["generation"] = value
    return value


@contextmanager
def read_once_per_request():
    """Within the block (one request), every reader of the generation shares one read of it."""
    token = _per_request.set({})
    try:
        yield
    finally:
        _per_request.reset(token)


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
    memo = _per_request.get()
    if memo is not None:
        memo.pop("generation", None)  # this request changed it: read it afresh
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation stored yet: nothing cached under one either
        cache.set(GENERATION_KEY, time.time_ns() // 1000, timeout=None)


def timeout():
    return settings.PAGE_CACHE_SECONDS
