"""The cache every worker and process shares when there is no Redis.

Django's database cache, on its own SQLite file (see config/routers.py), with
one change: increments are atomic. Django's version reads the number, adds one
and writes it back, so two workers counting at the same moment can both write
the same number; rate limits and the page cache's generation need every count.
Here the read and the write happen in one transaction that holds the write
lock (SQLite's IMMEDIATE transactions; a row lock elsewhere).
"""

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, models, router, transaction
from django.utils.timezone import now

from compat.django import database_cache_table, decode_cache_value, encode_cache_value


class AtomicDatabaseCache(DatabaseCache):
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
