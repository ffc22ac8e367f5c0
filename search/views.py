"""The search page: /search/?q=…&type=service|post|page&page=N."""

import logging
from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .hits import hit_for_page
from .pages import findable_pages, with_result_fields
from .promotions import promoted_hits, suggested_searches
from .query import MAX_LENGTH, parse
from .results import run_search
from .types import RESULT_TYPES, type_for_key

logger = logging.getLogger(__name__)


@require_safe
@cache_control(private=True)  # results differ per query and change on publish: no shared cache keeps them
def search(request):
    search_text = parse(request.GET.get("q", ""))
    kind = type_for_key(request.GET.get("type", ""))
    context = {
        "search_query": search_text.text,  # the header's search box shows it too
        "search_text": search_text,
        "kind": kind,
        "result_types": RESULT_TYPES,
        "max_length": MAX_LENGTH,
    }
    status = 200
    pages = findable_pages(request)
    if search_text.words:
        try:
            context.update(_results(request, pages, search_text, kind))
        except Exception:
            # An unreachable search service must not look like a broken site.
            logger.exception("Search failed for %r", search_text.terms)
            context["unavailable"], status = True, 503
    else:
        context["suggested_searches"] = suggested_searches()
    if not context.get("hits"):
        context["services"] = _services(request, pages)
    response = TemplateResponse(request, "search/search.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


def _results(request, pages, search_text, kind):
    promoted, promoted_ids = promoted_hits(request, pages, search_text, kind)
    outcome = run_search(pages.exclude(pk__in=promoted_ids) if promoted_ids else pages, search_text, kind, request.GET.get("page"))
    counts = dict(outcome.counts)
    for hit in promoted:
        if hit.type_key:
            counts[hit.type_key] += 1
    # Links to other sites belong to no type; they are only offered unfiltered.
    everything = sum(counts.values()) + sum(not hit.type_key for hit in promoted)
    page = outcome.page
    pinned = promoted if page.number == 1 else []
    return {
        "hits": pinned + [hit_for_page(result, request) for result in page.object_list],
        "results_page": page,
        "count": counts[kind.key] if kind else everything,
        "any_word": outcome.any_word,
        "filters": [
            {"label": "Everything", "count": everything, "url": _url(search_text), "current": kind is None},
            *(
                {"label": each.plural, "count": counts[each.key], "url": _url(search_text, each.key), "current": kind == each}
                for each in RESULT_TYPES
            ),
        ],
        "everything_count": everything,
        "everything_url": _url(search_text),
        "previous_url": _url(search_text, kind and kind.key, page.previous_page_number()) if page.has_previous() else "",
        "next_url": _url(search_text, kind and kind.key, page.next_page_number()) if page.has_next() else "",
    }


def _services(request, pages):
    """The services, in the site's order, offered when there is nothing else to show."""
    services = with_result_fields(pages.type(type_for_key("service").model)).order_by("path")[:8]
    return [hit_for_page(page, request) for page in services]


def _url(search_text, kind_key=None, page_number=None):
    params = {"q": search_text.text}
    if kind_key:
        params["type"] = kind_key
    if page_number and page_number > 1:
        params["page"] = page_number
    return f"{reverse('search')}?{urlencode(params)}"
