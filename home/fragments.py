"""Results that many uncached pages share, kept until the page cache is emptied.

A key carries the page cache's generation (pagecache.store), so whatever
empties the page cache (a publish, a settings or snippet save) makes every
fragment unreachable at the same moment: no edit is ever shown stale. The
private sections are in the key too, since a privacy setting changes what a
visitor may see without a publish.
"""

import hashlib

from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone

from home.visibility import private_sections
from pagecache import local
from pagecache.store import generation

TIMEOUT = 60 * 60


def cached(name, build):
    """``build()``'s value, computed once per page-cache generation and privacy state."""
    private = hashlib.sha1("|".join(sorted(private_sections())).encode()).hexdigest()[:12]
    current = generation()
    key = f"fragment:{current}:{private}:{name}"
    # Beside the pages they are part of: culled with them, and never pushing
    # the rate-limit counts out of the default cache. Each worker keeps its
    # own copy too (pagecache.local): a key with the generation in it never
    # changes.
    return local.get_or_build(caches["pages"], current, key, build, TIMEOUT)


def cached_for(request, name, build):
    """``cached()`` for one site's pages, and never for a preview.

    A preview shows an unsaved draft: it is built afresh and never stored, so
    visitors can never be shown a draft and the editor always sees what they
    typed. The site's host keeps sites apart, and the day is in the key too:
    dated notices (a holiday, a lapsed credential) appear and go at midnight.
    """
    if request is None or getattr(request, "is_preview", False):
        return build()
    return cached(f"{request.get_host()}:{timezone.localdate().isoformat()}:{name}", build)


def cached_response(request, name, view):
    """A whole response that is the same for every visitor (a feed, the sitemap),
    made by ``view()`` once per page-cache generation, with its type and date."""

    def build():
        response = view()
        if hasattr(response, "render"):
            response.render()
        return response.status_code, response.content, response["Content-Type"], response.get("Last-Modified")

    status, content, content_type, last_modified = cached_for(request, name, build)
    response = HttpResponse(content, content_type=content_type, status=status)
    if last_modified:
        response["Last-Modified"] = last_modified
    return response
