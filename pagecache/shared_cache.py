"""The cache every worker and process shares when there is no Redis.

Django's database cache, on its own SQLite file (see config/routers.py), with
one change: increments are atomic. Django's version reads the number, adds one
and writes it back, so two workers counting at the same moment can both write
the same number; rate limits and the page cache's generation need every count.
Here the read and the write happen in one transaction that holds the write
lock (SQLite's IMMEDIATE transactions; a row lock elsewhere).

And it is disposable: deleting its file or its table while the site runs,
or starting the site on a copy of the database without it, must never cost
a visitor a page. A failed cache call reopens the file that is at the path
now, makes the table again and retries once; if the cache still fails, the
call answers as a miss and the page is served without it.
"""

import functools
import logging

from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command
from django.db import DatabaseError, connections, models, router, transaction
from django.utils.timezone import now

from compat.django import database_cache_table, decode_cache_value, encode_cache_value

logger = logging.getLogger(__name__)


def _disposable(miss):
    """Run the cache call; on a database error rebuild the cache and retry once, else answer ``miss(...)``."""

    def decorate(method):
        @functools.wraps(method)
        def guarded(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except DatabaseError:
                self.rebuild()
            try:
                return method(self, *args, **kwargs)
            except DatabaseError:
                logger.warning("The shared cache failed (%s); served without it.", method.__name__, exc_info=True)
                return miss(*args, **kwargs)

        return guarded

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


def _not_found(*args, **kwargs):
    raise ValueError("The shared cache is unavailable.")


class AtomicDatabaseCache(DatabaseCache):
    def rebuild(self):
        """Open the cache's file afresh (it may have been deleted or replaced) and make its table if missing."""
        alias = router.db_for_write(self.cache_model_class)
        connections[alias].close()
        try:
            call_command("createcachetable", database=alias, verbosity=0)
        except DatabaseError:
            logger.warning("The shared cache's table could not be made.", exc_info=True)

    get = _disposable(_default)(DatabaseCache.get)
    get_many = _disposable(lambda *a, **k: {})(DatabaseCache.get_many)
    set = _disposable(lambda *a, **k: None)(DatabaseCache.set)
    add = _disposable(lambda *a, **k: False)(DatabaseCache.add)
    touch = _disposable(lambda *a, **k: False)(DatabaseCache.touch)
    delete = _disposable(lambda *a, **k: False)(DatabaseCache.delete)
    delete_many = _disposable(lambda *a, **k: None)(DatabaseCache.delete_many)
    has_key = _disposable(lambda *a, **k: False)(DatabaseCache.has_key)
    clear = _disposable(lambda *a, **k: None)(DatabaseCache.clear)

    @_disposable(_not_found)
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(database_cache_table(self))
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(f"SELECT value, expires FROM {table} WHERE cache_key = %s{lock}", [key])
            row = cursor.fetchone()
            if row is None or _expires(connection, row[1]) < now():
                raise ValueError(f"Key '{key}' not found")
            value = decode_cache_value(connection, row[0]) + delta
            encoded = encode_cache_value(self, value)
            # The expiry is left as it was: a rate-limit window does not slide.
            cursor.execute(f"UPDATE {table} SET value = %s WHERE cache_key = %s", [encoded, key])
        return value


def _expires(connection, value):
    expression = models.Expression(output_field=models.DateTimeField())
    for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(connection):
        value = converter(value, expression, connection)
    return value


def create_cache_tables(**kwargs):
    """On `migrate`, make the shared cache's tables first (Django leaves that to `createcachetable`)."""
    from django.conf import settings
    from django.core.management import call_command

    if "cache" in settings.DATABASES:
        call_command("createcachetable", database="cache", verbosity=0)
