"""PostgreSQL full-text search, with the GIN indexes it already has put to use.

Imported only on PostgreSQL (it needs django.contrib.postgres).

The stock backend joins every page to its index row and matches
`(title || body) @@ query`: the two tsvectors are joined row by row before
matching, so no index can help and every search reads the whole index, then
ranks every match inside the join. On 10,000 posts that was 250-350 ms per
results page, and over 100 ms even when nothing matched.

Here the index table is searched on its own: its GIN indexes on `title` and
`body` find the rows holding the words, and pages are filtered by the ids
found. Whether a page holds every word is the stock test, but asked of the
body alone and the title alone first: joining the two tsvectors for every
row read each body twice more, a third of a search for a common word. A
page of results ranks the matching rows with Wagtail's own rank expression
and fetches just the ten pages shown (as the Elasticsearch backends do).
Matches, counts and ranking are Wagtail's.
"""

import re

from django.db.models import F, IntegerField, Q
from django.db.models.functions import Cast
from modelsearch.query import PlainText

from compat.django import concatenated
from compat.modelsearch import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
    get_descendants_content_types_pks,
)

from . import RankedIdsResults

# Where the stock backend splits the searched text into words (build_tsquery_content).
WORD_BREAK = re.compile(r"[\s\-]+")


class IndexFirstQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        entries = self.matching_entries(config)
        if entries is None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        queryset = self.queryset.filter(pk__in=entries.values_list(Cast("object_id", IntegerField())))
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")  # stable pages when not ranked (as the stock backend)
        return queryset[start:stop]

    def matching_entries(self, config):
        """Index rows matching the query, found through the GIN indexes; None where this does not apply."""
        model = self.queryset.model
        if not isinstance(self.query, PlainText) or self.fields is not None or not isinstance(model._meta.pk, IntegerField):
            return None
        query = self.build_tsquery(self.query, config=config)
        if query is None:
            return None
        # Most matching rows hold every word in the body, or in the title:
        # tested first, each reads the body once.
        entries = IndexEntry.objects.filter(content_type_id__in=get_descendants_content_types_pks(model))
        found = Q(title=query) | Q(body=query)
        if self.query.operator == "and" and len(WORD_BREAK.split(self.query.query_string.strip())) > 1:
            # The rest are the rows whose words are split between title and
            # body: the stock test, on the rows holding some word in each.
            any_word = self.build_tsquery(PlainText(self.query.query_string, operator="or"), config=config)
            entries = entries.alias(_vector_=concatenated(F("title"), F("body")))
            found |= Q(title=any_word) & Q(body=any_word) & Q(_vector_=query)
        return entries.filter(found)

    def ranked(self, config, check_queryset=True):
        """(object id, content type id) of every match, best first, ranked as Wagtail ranks them.

        Without ``check_queryset`` the matches are not narrowed to the
        searched queryset: the caller checks them (RankedIdsResults).
        """
        entries = self.matching_entries(config)
        if entries is None:
            return None
        entries = entries.annotate(object_pk=Cast("object_id", IntegerField()))
        if check_queryset:
            # Compared as integers, so a page is checked through its primary
            # key index even when the planner misjudges how many rows match.
            entries = entries.filter(object_pk__in=self.queryset.order_by().values("pk"))
        rank = self._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], config)
        return (
            entries.annotate(rank=rank)
            .order_by(F("rank").desc(), F("object_pk").desc())
            .values_list("object_id", "content_type_id")
        )


class IndexFirstSearchResults(RankedIdsResults, PostgresSearchResults):
    pass


class IndexFirstPostgresBackend(PostgresSearchBackend):
    query_compiler_class = IndexFirstQueryCompiler
    results_class = IndexFirstSearchResults
