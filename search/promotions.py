"""Results the therapist has pinned to a search (Wagtail's search promotions).

Read-only on purpose: Wagtail's own `Query.get()` creates a row for every
new query string, so each bot or typo would write to the database. Here a
search only reads the promotions an editor has set up.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from .hits import hit_for_link, hit_for_page
from .pages import with_result_fields


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
