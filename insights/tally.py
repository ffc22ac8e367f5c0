"""Counts gathered in memory and written to the database in the background.

A visitor's request only adds one to a dictionary in its own process; a
background thread writes the totals every few seconds (and when the process
exits), so counting never makes a visitor wait for a database write and
visitors never queue behind each other for SQLite's write lock. If a worker
is killed, the last few seconds of its counts are lost: acceptable for
statistics, and nothing else is ever at risk.
"""

import atexit
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, connections, transaction
from django.db.models import F

from .bounds import fold

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_pending = {}  # model -> Counter of key tuples
_last_flush = time.monotonic()
_flushing = threading.Lock()


def add(model, count_field, **key):
    """Count one for this combination of labels; the database sees it at the next flush."""
    global _last_flush
    with _lock:
        _pending.setdefault(model, Counter())[(count_field, tuple(sorted(key.items())))] += 1
        due = time.monotonic() - _last_flush >= settings.INSIGHTS_FLUSH_SECONDS
        if due:
            _last_flush = time.monotonic()
    if due:
        if settings.INSIGHTS_FLUSH_SECONDS <= 0:
            flush()
        else:
            threading.Thread(target=_flush_in_background, daemon=True, name="insights-flush").start()


def _flush_in_background():
    try:
        flush()
    finally:
        connections.close_all()  # this thread's own connection, opened for the flush


def flush():
    """Write every pending count. Safe to call from several threads and processes at once."""
    if not _flushing.acquire(blocking=False):
        return
    try:
        with _lock:
            batch = dict(_pending)
            _pending.clear()
        for model, counts in batch.items():
            try:
                _write(model, counts)
            except Exception:  # noqa: BLE001 - statistics must never break the site
                logger.warning("Insights: %d counts could not be saved.", sum(counts.values()), exc_info=True)
    finally:
        _flushing.release()


def _write(model, counts):
    with transaction.atomic():
        for (field, key), n in fold(model, counts).items():
            increment(model, field, n, **dict(key))


def increment(model, field, n, **key):
    """Add ``n`` to the row for ``key``, creating it if needed; safe against a second writer."""
    with transaction.atomic():
        if not model.objects.filter(**key).update(**{field: F(field) + n}):
            try:
                with transaction.atomic():
                    model.objects.create(**key, **{field: n})
            except IntegrityError:  # another process created the row a moment ago
                model.objects.filter(**key).update(**{field: F(field) + n})


def discard():
    """Forget pending counts (tests)."""
    with _lock:
        _pending.clear()


atexit.register(flush)
