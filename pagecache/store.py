"""Where rendered pages are kept, and how the whole set is thrown away at once.

Every key carries a generation number. Invalidating bumps the number, so all
earlier entries become unreachable at once on any cache backend (local
memory or a Redis shared by several app servers) without scanning or flushing;
they expire on their own.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches

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
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation stored yet: nothing cached under one either
        cache.set(GENERATION_KEY, 2, timeout=None)


def timeout():
    return settings.PAGE_CACHE_SECONDS
