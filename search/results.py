"""What a search finds and how each result is shown, in the order the view uses them.

1. The kinds of page search looks through (services, articles, pages) and the
   names visitors see for them. Models are named by label rather than imported,
   so search depends on the services and blog apps only through Django's app
   registry.
2. Which pages a visitor may find (`findable_pages`) and the summary and date
   each result shows, joined in the same query (`with_result_fields`).
3. Running one search (`run_search`): counts per type, one page of results, and
   a gentler retry. With the database backends (`search/backends/`) one query
   ranks every match and gives each one's type, so the counts and the page
   shown come from the same read of the index, and one more query fetches the
   ten pages shown. What that query found is kept in the worker's memory
   until the next publish (the page-cache generation, as for rendered
   fragments), so the next page, another type's tab or the next visitor's
   identical search skip the index; so is the list of findable pages each
   match is checked against. With a search server, one facet query counts the
   matches of every type at once (so the paginator needs no COUNT of its own)
   and one query fetches the page of results.
4. Results the therapist has pinned to a search (Wagtail's search promotions),
   read-only on purpose: Wagtail's own `Query.get()` creates a row for every
   new query string, so each bot or typo would write to the database.
5. One line of the results list (`Hit`), whether found by search or pinned.
"""

import hashlib
from array import array
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import DateField, F, Value
from django.db.models.functions import Coalesce
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from home.visibility import visible
from pagecache import local
from pagecache.store import generation

PER_PAGE = 10


# --- 1. Kinds of result -----------------------------------------------------

@dataclass(frozen=True)
class ResultType:
    key: str  # the value of ?type=
    label: str  # one result: "Service"
    plural: str  # the filter: "Services"
    model_label: str
    date_field: str = ""  # a date worth showing on the result, if any

    @property
    def model(self):
        return apps.get_model(self.model_label)

    @property
    def content_type_id(self):
        # ContentType's own cache answers after the first call.
        return ContentType.objects.get_for_model(self.model).pk


RESULT_TYPES = (
    ResultType("service", "Service", "Services", "services.ServicePage"),
    ResultType("post", "Article", "Articles", "blog.BlogPage", date_field="date_published"),
    ResultType("page", "Page", "Pages", "home.StandardPage"),
)


def type_for_key(key):
    """The type a ?type= value names, or None for everything (and for nonsense)."""
    return next((kind for kind in RESULT_TYPES if kind.key == key), None)


def type_for_page(page):
    return next((kind for kind in RESULT_TYPES if kind.content_type_id == page.content_type_id), None)


# --- 2. Findable pages and the fields a result shows --------------------------

def findable_pages(request):
    """Live, public pages of the searchable types on this site: never a draft or a private page."""
    pages = visible(Page.objects.type(*(kind.model for kind in RESULT_TYPES)))
    site = Site.find_for_request(request)
    return pages.in_site(site) if site else pages


def with_result_fields(pages):
    """Add `result_summary` and `result_date` from each page type's own table.

    Every type names its summary field (`summary_field`, as for the meta
    description) and optionally a date field. Joins on the shared primary key
    fetch them in the same query as the pages, so a page of results costs one
    query however many page types it mixes: no `.specific()` per type or per
    result.
    """
    summaries = [F(f"{kind.model._meta.model_name}__{kind.model.summary_field}") for kind in RESULT_TYPES]
    dates = [F(f"{kind.model._meta.model_name}__{kind.date_field}") for kind in RESULT_TYPES if _has_field(kind.model, kind.date_field)]
    return pages.annotate(result_summary=_first_of(summaries), result_date=_first_of(dates))


def _first_of(expressions):
    # Only one of the joined tables has a row for any page, so the first
    # value that is not NULL is that page's own.
    if not expressions:
        return Value(None, output_field=DateField())
    return Coalesce(*expressions) if len(expressions) > 1 else expressions[0]


def _has_field(model, name):
    return bool(name) and any(field.name == name for field in model._meta.get_fields())


# --- 3. Running one search ------------------------------------------------------

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


# A broad search's matches take about 160 KB (10,000 ids and types): a worker
# keeps at most this many searches, the least asked dropped first.
KEPT_SEARCHES = 100
kept_searches = local.Kept(KEPT_SEARCHES)


@dataclass(frozen=True)
class Found:
    """Every match of one search, best first, with each one's type and the counts per type."""

    operator: str  # "and": every word; "or": no page held them all, these hold some
    ids: array
    type_ids: array
    counts: dict

    def ids_of(self, kind):
        if kind is None:
            return self.ids
        wanted = kind.content_type_id
        return [pk for pk, type_id in zip(self.ids, self.type_ids) if type_id == wanted]


def run_search(pages, search_text, kind, page_number):
    """Search `pages` for every word, or failing that for any word."""
    current = generation()
    # The findable pages' SQL names the site, the private sections and any
    # pinned pages left out, so each set of them is a search of its own.
    pages_key = hashlib.sha256(str(pages.query).encode()).hexdigest()
    key = hashlib.sha256(f"{search_text.terms}\0{pages_key}".encode()).hexdigest()
    found = kept_searches.remembered(current, key, lambda: _search_index(pages, search_text, current, pages_key))
    if found is None:
        return _run_search_in_steps(pages, search_text, kind, page_number)
    page = Paginator(found.ids_of(kind), PER_PAGE).get_page(page_number)
    shown = list(page.object_list)
    objects = {each.pk: each for each in with_result_fields(pages).filter(pk__in=shown)} if shown else {}
    page.object_list = [objects[pk] for pk in shown if pk in objects]
    return Outcome(page=page, counts=found.counts, any_word=found.operator == "or" and bool(found.ids))


def _search_index(pages, search_text, current, pages_key):
    """What one ranked query finds (None for a backend without `ranked_matches`)."""
    operators = ("and", "or") if len(search_text.words) > 1 else ("and",)
    findable = None
    for operator in operators:
        ranked = pages.search(search_text.terms, operator=operator)
        if not hasattr(ranked, "ranked_matches"):
            return None
        if findable is None:
            # Which pages may be found changes only with a publish, a move or
            # a privacy change, all of which start a new generation: each
            # worker lists them once and checks every match against the list.
            findable = local.remembered(
                current, f"findable:{pages_key}", lambda: frozenset(pages.order_by().values_list("pk", flat=True))
            )
        matches = ranked.ranked_matches(among=findable)
        if matches is None:
            return None
        if matches:
            break
    # The counts per type and the page shown both come from this one query.
    found = Counter(content_type_id for _pk, content_type_id in matches)
    return Found(
        operator=operator,
        ids=array("q", (pk for pk, _type in matches)),
        type_ids=array("q", (type_id for _pk, type_id in matches)),
        counts={each.key: found.get(each.content_type_id, 0) for each in RESULT_TYPES},
    )


def _run_search_in_steps(pages, search_text, kind, page_number):
    """For a backend without `ranked_matches` (a search server): count by type, then fetch one page."""
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


# --- 4. Editor's picks -------------------------------------------------------------

def promotions_for(search_text):
    """The editor's picks for what was typed, in the editor's order.

    Matches the query either as typed ("walk & talk") or as the words
    searched ("walk talk"), lower-cased, as Wagtail stores it.
    """
    keys = {normalise_query_string(search_text.text), normalise_query_string(search_text.terms)} - {""}
    if not keys:
        return []
    return list(
        SearchPromotion.objects.filter(query__query_string__in=keys)
        .select_related("page")
        .order_by("query__query_string", "sort_order", "pk")
    )


def suggested_searches(limit=8):
    """Query strings an editor has pinned results to: good examples to offer."""
    return list(
        Query.objects.filter(editors_picks__isnull=False).distinct().order_by("query_string").values_list("query_string", flat=True)[
            :limit
        ]
    )


def promoted_hits(request, pages, search_text, kind):
    """The pinned results to show first, and the ids of pinned pages.

    A pinned page is shown only if a visitor could find it anyway (live,
    public, of the chosen type); links to other sites only when no type is
    chosen. The ids let the ordinary results leave those pages out.
    """
    promotions = promotions_for(search_text)
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    allowed = {}
    if page_ids:
        candidates = pages.type(kind.model) if kind else pages
        allowed = {page.pk: page for page in with_result_fields(candidates.filter(pk__in=page_ids))}
    hits, shown = [], []
    for promotion in promotions:
        page = allowed.get(promotion.page_id)
        if page is not None and page.pk not in shown:
            hits.append(hit_for_page(page, request, promoted=True, description=promotion.description))
            shown.append(page.pk)
        elif not promotion.page_id and promotion.external_link_url and kind is None:
            hits.append(hit_for_link(promotion))
    return hits, shown


# --- 5. One line of the results list ---------------------------------------------------

@dataclass
class Hit:
    title: str
    url: str
    summary: str
    type_label: str
    type_key: str = ""  # empty for a link to another site
    published: date | None = None  # shown for articles
    promoted: bool = False


def hit_for_page(page, request, promoted=False, description=""):
    """A result for a page from `findable_pages`, which carries its summary and date."""
    kind = type_for_page(page)
    return Hit(
        title=page.title,
        url=page.get_url(request),
        summary=description or page.search_description or page.result_summary or "",
        type_label=kind.label if kind else "Page",
        type_key=kind.key if kind else "",
        published=page.result_date,
        promoted=promoted,
    )


def hit_for_link(promotion):
    """An editor's pick that points to another website."""
    return Hit(
        title=promotion.external_link_text or promotion.external_link_url,
        url=promotion.external_link_url,
        summary=promotion.description,
        type_label="Link",
        promoted=True,
    )
