"""Wagtail's database search backend, tuned for SQLite (fts5.py) and PostgreSQL (postgres.py).

`WAGTAILSEARCH_BACKENDS` points here for the database backend. It asks
Wagtail's own chooser which backend fits the database, then swaps in the
tuned subclass of that same backend; MySQL, or SQLite without FTS5, get
Wagtail's backend unchanged. The tuned modules are imported only for their
database, because the modules they build on need models or apps that exist
only there.
"""

from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    backend = database.SearchBackend(params)
    kind = type(backend).__name__
    if kind == "SQLiteSearchBackend":
        from .fts5 import FTS5SearchBackend

        return FTS5SearchBackend(params)
    if kind == "PostgresSearchBackend":
        from .postgres import IndexFirstPostgresBackend

        return IndexFirstPostgresBackend(params)
    return backend
