"""A worker's own copy of what it read under the current page-cache generation.

Whatever is stored under a key that carries the generation (the site's data,
rendered fragments) never changes once written: an edit bumps the
generation instead, and the old keys are simply never asked for again. So a
worker may keep what it read or built in its own memory and skip the shared
cache (a SQLite read, or a Redis round trip) next time, without ever being
staler than the shared cache itself: the generation is still read from the
shared cache once per request (pagecache.store.generation), and the moment a
worker sees a different one it drops everything it kept.

Bounded: the oldest entries go first once ``MAX_ENTRIES`` are kept (an
article's body is a few tens of KB, so a worker keeps at most some tens of MB).
"""

import threading
from collections import OrderedDict

MAX_ENTRIES = 1000

_lock = threading.Lock()
_generation = None
_entries = OrderedDict()


def get(generation, key):
    """What this worker kept for ``key`` under ``generation``, or None."""
    with _lock:
        if generation != _generation:
            return None
        value = _entries.get(key)
        if value is not None:
            _entries.move_to_end(key)
        return value


def put(generation, key, value):
    """Keep ``value`` for ``key``; a new generation first drops everything kept under the last."""
    global _generation
    with _lock:
        if generation != _generation:
            _entries.clear()
            _generation = generation
        _entries[key] = value
        _entries.move_to_end(key)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)


def remembered(generation, key, build):
    """``key``'s value from this worker's memory, else ``build()``'s, kept for next time."""
    value = get(generation, key)
    if value is None:
        value = build()
        put(generation, key, value)
    return value


def get_or_build(cache, generation, key, build, timeout):
    """``key``'s value from this worker's memory, else the shared ``cache``, else ``build()`` (stored in both)."""

    def shared():
        value = cache.get(key)
        if value is None:
            value = build()
            cache.set(key, value, timeout)
        return value

    return remembered(generation, key, shared)
