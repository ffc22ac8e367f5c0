"""Fetching one page of results as the Elasticsearch backends do: ranked ids first, then the objects."""


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
