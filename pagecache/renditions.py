"""Wagtail's rendition cache, on the shared cache, without writing back what it has just read.

Wagtail looks up an image's renditions in the cache on every render, then
writes each one it found there back again (`get_rendition` always does;
`get_renditions` skips only renditions that were prefetched). On Redis that is
a wasted round trip per image; on the SQLite shared cache it is a write
transaction per page view, and writes wait for each other across workers.

This backend reads, writes and deletes through the shared default cache, so a
rendition deleted in one worker (an image replaced) is gone for all of them,
and it remembers which objects it handed out so that putting one of those
straight back is skipped. A rendition found in the database or newly made is
still written as before.
"""

import weakref

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache


class RenditionCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        self._alias = location or "default"
        # Objects read from the shared cache and handed to Wagtail, by identity
        # (a rendition of an SVG has no primary key to compare by); weak, so
        # each is forgotten with the render that used it.
        self._read = weakref.WeakValueDictionary()

    @property
    def _shared(self):
        return caches[self._alias]

    def _remember(self, value):
        try:
            self._read[id(value)] = value
        except TypeError:  # not weakly referable (never a rendition)
            pass
        return value

    def _unread(self, value):
        return self._read.get(id(value)) is not value

    def get(self, key, default=None, version=None):
        value = self._shared.get(key, default, version=version)
        return value if value is default else self._remember(value)

    def get_many(self, keys, version=None):
        found = self._shared.get_many(keys, version=version)
        for value in found.values():
            self._remember(value)
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self._unread(value):
            self._shared.set(key, value, timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        fresh = {key: value for key, value in data.items() if self._unread(value)}
        return self._shared.set_many(fresh, timeout, version=version) if fresh else []

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._shared.add(key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._shared.touch(key, timeout, version=version)

    def delete(self, key, version=None):
        return self._shared.delete(key, version=version)

    def delete_many(self, keys, version=None):
        return self._shared.delete_many(keys, version=version)

    def has_key(self, key, version=None):
        return self._shared.has_key(key, version=version)

    def clear(self):
        return self._shared.clear()
