"""Which page answers a URL, found once per page-cache generation in each worker.

Wagtail finds the page for a URL by walking the tree from the home page, a
query or two per level (the page, then its own fields): 2.5 ms of the 7.5 a
service page took to serve, 4.3 of an article's 14 (`bench/profile_page.py`).
The answer, and the pages loaded on the way, change only through edits that
bump the page-cache generation (a publish, unpublish, move, deletion,
privacy or settings change: pagecache/signals.py), so each worker keeps them
under that generation (pagecache.local) and every later visitor starts from a
copy of the page. The privacy check is not part of routing: Wagtail still
makes it on every request, from the private sections of that request.

Only anonymous visitors' GET and HEAD requests use it: a signed-in editor and
every form submission get a page loaded afresh.
"""

import copy

from django.conf import settings
from wagtail.url_routing import RouteResult

from pagecache import local
from pagecache.store import generation


def route(root, request, path_components, find):
    """``find(request, path_components)``'s answer, remembered for this generation."""
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return find(request, path_components)
    key = ("route", request.get_host(), root.pk, tuple(path_components))
    found = local.remembered(generation(), key, lambda: find(request, path_components))  # Http404 is never kept
    # The page's own attributes are the request's to change; what it loaded
    # (parents, images, the body) is shared and only ever read.
    return RouteResult(copy.copy(found.page), list(found.args), dict(found.kwargs))
