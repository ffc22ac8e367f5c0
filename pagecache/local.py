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


class Kept:
    """Values kept under one generation, at most ``max_entries`` of them, the least used dropped first."""

    def __init__(self, max_entries):
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._generation = None
        self._entries = OrderedDict()

    def get(self, generation, key):
        """What this worker kept for ``key`` under ``generation``, or None."""
        with self._lock:
            if generation is None or generation != self._generation:
                return None
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, generation, key, value):
        """Keep ``value`` for ``key``; a new generation first drops everything kept under the last."""
        if generation is None:  # the shared cache could not say which generation this is: keep nothing
            return
        with self._lock:
            if generation != self._generation:
                self._entries.clear()
                self._generation = generation
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()

    def remembered(self, generation, key, build):
        """``key``'s value from this worker's memory, else ``build()``'s, kept for next time."""
        value = self.get(generation, key)
        if value is None:
            value = build()
            self.put(generation, key, value)
        return value


# Routes, the site's data, fragments and the enquiry form class.
_kept = Kept(MAX_ENTRIES)
get, put, remembered = _kept.get, _kept.put, _kept.remembered


def get_or_build(cache, generation, key, build, timeout):
    """``key``'s value from this worker's memory, else the shared ``cache``, else ``build()`` (stored in both)."""

    def shared():
        value = cache.get(key)
        if value is None:
            value = build()
            cache.set(key, value, timeout)
        return value

    return remembered(generation, key, shared)
