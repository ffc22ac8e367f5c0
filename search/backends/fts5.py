"""SQLite FTS5 tuning for Wagtail's database search backend (see __init__).

Imported only when the database is SQLite with FTS5: the modules it builds on
look up models that exist only there.

The stock SQLite backend has three weaknesses this fixes:
- Ranking: a page whose title holds the searched words comes first, then
  FTS5's own bm25() decides (https://sqlite.org/fts5.html#the_bm25_function),
  with the title column weighted. The stock backend scores every column
  alike and multiplies by how short the title is, so "About me" could
  outrank "Walk and talk therapy" for "walk"; and on a small site bm25
  alone cannot tell titles apart, because a word found on most pages gets
  almost no weight and bm25 measures length over the whole page.
- Word endings: a word of four letters or more also matches longer words it
  begins ("walk" finds "walking", "counsel" finds "counselling"), which is
  what stemming gives PostgreSQL users; the word itself still scores higher
  than a longer one. Shorter words match only themselves.
- Speed: the stock backend scores results through a subquery that runs the
  full-text match again for every matching page, so a common word on a blog
  of thousands of posts took seconds. Here one FTS5 query scores every match
  once and returns the id and type of each, best first: the results page
  counts the types and shows its ten from that one read of the index
  (search/results.py); sliced, the same query gives the ids of one page of
  results, as the Elasticsearch backends do. Facets are unchanged.
Matching, indexing and everything else stay Wagtail's.
"""

import operator
from functools import reduce

from django.db.models import Case, Exists, ExpressionWrapper, FloatField, IntegerField, OuterRef, Value, When
from django.db.models.functions import Cast, Greatest, Length
from modelsearch.query import MatchAll, Not, PlainText

from compat.modelsearch import (
    BM25,
    Lexeme,
    LexemeCombinable,
    MatchExpression,
    SearchQueryExpression,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
    get_descendants_content_types_pks,
    normalize,
)

from . import RankedIdsResults

# bm25() takes one weight per FTS5 column, in the table's order:
# autocomplete, body, title. A title match counts as much as several in the
# body; the autocomplete column only serves autocomplete queries.
COLUMN_WEIGHTS = (0.0, 1.0, 10.0)
# Far beyond any bm25() score (lower is better), so each searched word found
# in the title outranks anything bm25() can say.
TITLE_WORD_BONUS = 1_000_000.0
PREFIX_FROM_LENGTH = 4


class WeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class WordOrLonger(LexemeCombinable):
    """`("walk" OR "walk"*)`: the exact word matches both, so it scores twice."""

    def __init__(self, term):
        super().__init__()
        # Inside an FTS5 string a double quote is written twice; the stock
        # Lexeme leaves it alone, which is a syntax error.
        self.term = term.replace('"', '""')

    def as_sql(self, compiler, connection):
        return '("%s" OR "%s"*)', [self.term, self.term]


class FTS5QueryCompiler(SQLiteSearchQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        # One bm25() over the whole MATCH already scores every word of any
        # query shape, so no per-field sum is needed.
        terms = self.query.query_string.split() if isinstance(self.query, PlainText) else []
        if not terms:
            return WeightedBM25()
        found_in_title = reduce(
            operator.add,
            [
                Case(When(index_entry__title__icontains=term, then=Value(1.0)), default=Value(0.0), output_field=FloatField())
                for term in terms
            ],
        )
        # Between titles holding the same words, the shorter is the more
        # focused on them ("Online counselling" before "Is online counselling
        # as good as meeting in person?"); the nudge stays under one word.
        focus = ExpressionWrapper(
            Value(1.0) + Value(0.5) / Greatest(Length("index_entry__title"), Value(1)), output_field=FloatField()
        )
        return WeightedBM25() - Value(TITLE_WORD_BONUS) * found_in_title * focus

    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        lexemes = [
            WordOrLonger(term) if len(term) >= PREFIX_FROM_LENGTH else Lexeme(term.replace('"', '""'))
            for term in query.query_string.split()
        ]
        if not lexemes:
            return None
        combine = operator.and_ if query.operator.upper() == "AND" else operator.or_
        return SearchQueryExpression(reduce(combine, lexemes), config=config)

    def ranked(self, config, check_queryset=True):
        """(object id, content type id) of every match, best first, from one FTS5 query; None for other shapes.

        Without ``check_queryset`` the matches are not narrowed to the
        searched queryset: the caller checks them (RankedIdsResults).
        """
        query = normalize(self.query)
        if isinstance(query, MatchAll | Not):
            return None
        entries = SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config))
        ).filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
        if check_queryset:
            # Each match is looked up among the findable pages by primary key.
            # An `object_id IN (findable pages)` made SQLite list every
            # findable page first, whatever the search: 8-13 ms at 10,000
            # posts even when three posts match (issue 18).
            findable = self.queryset.order_by().filter(pk=Cast(OuterRef("index_entry__object_id"), IntegerField()))
            entries = entries.filter(Exists(findable))
        return (
            entries.annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score", Cast("index_entry__object_id", IntegerField()).desc())
            .values_list("index_entry__object_id", "index_entry__content_type_id")
        )


class FTS5SearchResults(RankedIdsResults, SQLiteSearchResults):
    pass


class FTS5SearchBackend(SQLiteSearchBackend):
    query_compiler_class = FTS5QueryCompiler
    results_class = FTS5SearchResults

