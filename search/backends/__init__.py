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
    """Mix into a results class whose query compiler has `ranked(config)`.

    The compiler ranks the matches in the index alone: a queryset of
    (object id, content type id) rows, best first, sliced to the results asked
    for; one more query fetches those objects, with every
    annotation and filter of the searched queryset, and they are put back in
    rank order. Where the compiler returns None (a query shape it does not
    handle), the stock search runs.
    """

    def _ranked_rows(self, start=None, stop=None, among=None):
        """(primary key, content type id) of the matches start..stop, best first; None where not ranked here."""
        compiler = self.query_compiler
        # Autocomplete shares the results class but keeps the stock compiler.
        if not hasattr(compiler, "ranked") or not compiler.order_by_relevance or self._score_field is not None:
            return None
        ranked = compiler.ranked(compiler.get_config(self.backend), check_queryset=among is None)
        if ranked is None:
            return None
        to_python = compiler.queryset.model._meta.pk.to_python
        rows = [(to_python(object_id), content_type_id) for object_id, content_type_id in ranked[start:stop]]
        return rows if among is None else [row for row in rows if row[0] in among]

    def ranked_matches(self, among=None):
        """Every match as (primary key, content type id), best first, from one query.

        What a results page needs at once: the counts per type and the page
        shown both come from it, so the index is read once, not once to count
        and again to rank. None where the compiler does not rank this query.

        ``among``: the primary keys of the searched queryset, when the caller
        already holds them (search/results.py keeps the findable pages' until
        the next publish). Each match is then checked against them here
        instead of against the queryset inside the query, which for a word
        in most posts was a fifth of SQLite's work.
        """
        return self._ranked_rows(among=among)

    def _do_search(self):
        rows = self._ranked_rows(self.start, self.stop)
        if rows is None:
            return super()._do_search()
        ids = [pk for pk, _content_type in rows]
        found = {obj.pk: obj for obj in self.query_compiler.queryset.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]
