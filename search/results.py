"""Running one search: counts per type, one page of results, and a gentler retry.

Every step is a fixed number of queries: one facet query counts the matches
of every type at once (so the paginator needs no COUNT of its own) and one
query fetches the page of results with everything a result shows.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator

from .pages import with_result_fields
from .types import RESULT_TYPES

PER_PAGE = 10


@dataclass
class Outcome:
    page: object  # a paginator page of pages carrying result_summary and result_date
    counts: dict = field(default_factory=dict)  # matches per type key
    any_word: bool = False  # no page held every word, so these hold some


class _KnownCount:
    """Search results whose length the facet query has already told us."""

    def __init__(self, results, count):
        self._results, self._count = results, count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        return self._results[key]


def run_search(pages, search_text, kind, page_number):
    """Search `pages` for every word, or failing that for any word."""
    operators = ("and", "or") if len(search_text.words) > 1 else ("and",)
    for operator in operators:
        counts = _counts_by_type(pages, search_text.terms, operator)
        if any(counts.values()):
            break
    chosen = pages.type(kind.model) if kind else pages
    results = with_result_fields(chosen).search(search_text.terms, operator=operator)
    count = counts[kind.key] if kind else sum(counts.values())
    page = Paginator(_KnownCount(results, count), PER_PAGE).get_page(page_number)
    page.object_list = list(page.object_list) if count else []
    return Outcome(page=page, counts=counts, any_word=operator == "or" and any(counts.values()))


def _counts_by_type(pages, terms, operator):
    results = pages.search(terms, operator=operator, order_by_relevance=False)
    if results.supports_facet:
        facet = {_as_int(key): value for key, value in results.facet("content_type_id").items()}
        return {kind.key: facet.get(kind.content_type_id, 0) for kind in RESULT_TYPES}
    return {kind.key: pages.type(kind.model).search(terms, operator=operator).count() for kind in RESULT_TYPES}


def _as_int(key):
    try:
        return int(key)
    except (TypeError, ValueError):
        return key
