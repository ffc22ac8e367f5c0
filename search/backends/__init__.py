"""Wagtail's database search backend, with SQLite's FTS5 tuned (fts5.py).

`WAGTAILSEARCH_BACKENDS` points here for the database backend. On PostgreSQL
(and MySQL, or SQLite without FTS5) this returns exactly the backend Wagtail
would choose: PostgreSQL already ranks a title match above a body match,
through the title's boost, and stems words ("walking" finds "walk").
"""

from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    backend = database.SearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        from .fts5 import FTS5SearchBackend

        return FTS5SearchBackend(params)
    return backend
