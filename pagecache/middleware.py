"""Full-page cache for anonymous visitors, and the Cache-Control of pages.

A Wagtail page that has not set its own Cache-Control is marked `public`
for anonymous visitors and `private, no-cache` for signed-in editors (who see
drafts and the editing toolbar). Only public 200 responses that set no cookie
are stored. So the admin, previews, anything a signed-in editor sees, the
contact form (it says `no-store`) and search results (`private`) are never
cached.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control
from wagtail.views import serve as wagtail_serve

from .store import generation, key_for, page_cache, read_once_per_request, timeout

CACHE_HEADER = "X-Page-Cache"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with read_once_per_request():
            return self._respond(request)

    def _respond(self, request):
        signed_in = settings.SESSION_COOKIE_NAME in request.COOKIES
        if signed_in or request.method not in ("GET", "HEAD") or timeout() <= 0:
            return self._mark(request, self.get_response(request), signed_in)
        cache = page_cache()
        key = key_for(request, generation())
        cached = cache.get(key)
        if cached is not None:
            cached[CACHE_HEADER] = "hit"
            return cached
        response = self._mark(request, self.get_response(request), signed_in)
        if self._may_store(response):
            # Template responses are already rendered by the time they get here.
            cache.set(key, response, timeout())
            response[CACHE_HEADER] = "miss"
        return response

    @staticmethod
    def _mark(request, response, signed_in):
        match = getattr(request, "resolver_match", None)
        if match is None or match.func is not wagtail_serve or "Cache-Control" in response:
            return response
        if signed_in:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=timeout())
        return response

    @staticmethod
    def _may_store(response):
        if response.status_code != 200 or response.cookies or response.streaming:
            return False
        cache_control = response.get("Cache-Control", "")
        return "public" in cache_control and "no-store" not in cache_control and "private" not in cache_control
