"""Wagtail's database search backend, tuned for SQLite (fts5.py) and PostgreSQL (postgres.py).

`WAGTAILSEARCH_BACKENDS` points here for the database backend. It asks
Wagtail's own chooser which backend fits the database, then swaps in the
tuned subclass of that same backend; MySQL, or SQLite without FTS5, get
Wagtail's backend unchanged. The tuned modules are imported only for their
database, because the modules they build on need models or apps that exist
only there.

Both tuned backends fetch one page of results as the Elasticsearch backends
do: ranked ids first, then the objects (`RankedIdsResults` below).
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



class RankedIdsResults:
    """Mix into a results class whose query compiler has `ranked_ids(config, start, stop)`.

    The compiler ranks the matches in the index alone and returns the ids of
    the results asked for; one more query fetches those objects, with every
    annotation and filter of the searched queryset, and they are put back in
    rank order. Where the compiler returns None (a query shape it does not
    handle), the stock search runs.
    """

    def _do_search(self):
        compiler = self.query_compiler
        ids = None
        # Autocomplete shares the results class but keeps the stock compiler.
        if hasattr(compiler, "ranked_ids") and compiler.order_by_relevance and self._score_field is None:
            ids = compiler.ranked_ids(compiler.get_config(self.backend), self.start, self.stop)
        if ids is None:
            return super()._do_search()
        found = {obj.pk: obj for obj in compiler.queryset.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]
