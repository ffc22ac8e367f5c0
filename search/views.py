"""The search page: /search/?q=…&type=service|post|page&page=N.

Read top to bottom: the view, then how it shapes one page of results and its
filters, then how what a visitor typed is made safe. The results themselves
(which pages, how they are counted and shown) are in results.py; the tuned
database backends behind `.search()` in backends/.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .results import (
    RESULT_TYPES,
    findable_pages,
    hit_for_page,
    promoted_hits,
    run_search,
    suggested_searches,
    type_for_key,
    with_result_fields,
)

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
        if search_text.words and status == 200:
            # Counted by insights (words only, never contact details) so the therapist sees what is missing.
            request.insights_search_found_nothing = search_text.text
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


# --- What a visitor typed ----------------------------------------------------
# Made safe to hand to any search backend.
#
# Only runs of letters and digits (in any script) reach the backend. Quotes,
# brackets, operators and emoji never do, so no query syntax of SQLite FTS5,
# PostgreSQL or OpenSearch can be triggered by accident, and the same words are
# searched whichever backend is in use.

# Long enough for any real question ("how can counselling help with ADHD and
# anxiety at work"), short enough that a pasted essay cannot become a costly
# query with hundreds of terms.
MAX_LENGTH = 100

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchText:
    text: str  # what goes back into the search box: tidied and capped
    words: tuple  # what is searched for
    shortened: bool  # the visitor typed more than MAX_LENGTH characters

    @property
    def terms(self):
        return " ".join(self.words)


def parse(raw):
    # Control and invisible format characters (NUL, zero-width joiners) become
    # spaces: PostgreSQL refuses NUL outright and the rest only confuse.
    visible = "".join(" " if unicodedata.category(char).startswith("C") else char for char in raw or "")
    text = " ".join(visible.split())
    shortened = len(text) > MAX_LENGTH
    if shortened:
        text = text[:MAX_LENGTH]
        # Cut at the last whole word when there is one.
        text = text.rsplit(" ", 1)[0] if " " in text else text
    seen, words = set(), []
    for word in _WORD.findall(text):
        if word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
    return SearchText(text=text, words=tuple(words), shortened=shortened)
