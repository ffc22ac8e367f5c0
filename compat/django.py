"""Django internals this project relies on (checked by tests/test_compat.py)."""

import base64
import pickle


def concatenated(lhs, rhs):
    """``lhs || rhs`` as one expression, for two tsvector columns.

    Private: `Combinable._combine`. Django's public operators cover arithmetic
    and bitwise operators only; `||` on tsvectors (how Wagtail's PostgreSQL
    backend joins a page's title and body vectors) has no public spelling.
    """
    return lhs._combine(rhs, "||", False)


def database_cache_table(cache):
    """The table a DatabaseCache keeps its entries in.

    Private: `BaseDatabaseCache._table`. Django's database cache has no atomic
    increment (it reads, adds and writes back), so pagecache/shared_cache.py
    does the increment in SQL on the cache's own table.
    """
    return cache._table


def encode_cache_value(cache, value):
    """A value as DatabaseCache stores it: base64 text of a pickle (private format, see `DatabaseCache._base_set`)."""
    return base64.b64encode(pickle.dumps(value, cache.pickle_protocol)).decode("latin1")


def decode_cache_value(connection, text):
    """The inverse of encode_cache_value, as `DatabaseCache.get_many` reads a row."""
    return pickle.loads(base64.b64decode(connection.ops.process_clob(text).encode()))
