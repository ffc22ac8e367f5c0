"""What every page reads about its site, in one cache read per request.

The Site a request is for, each site setting (practice details, enquiry and
insights settings and the rest), the practice facts, the main menu and the
private sections were a query each on every page: five to eight of the twelve
a page may spend (issue 14), and about a quarter of its time (issue 18).
They change only through edits that empty the page cache (a setting or its
rows saved, a page published, moved or deleted, a privacy setting or a Site
changed: pagecache/signals.py), so they are read once per page-cache
generation and host, under a key that carries the generation, and no edit is
ever shown stale. Only data is kept, never rendered text: what depends on the
day (the holiday notice, a lapsed membership) is still worked out per request.
"""

import copy
import hashlib

from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry
from wagtail.models import Site

from compat.wagtail import remember_site_and_settings
from home.visibility import private_sections, remember_private_sections, visible
from pagecache import local
from pagecache.store import generation
from practice import snapshot
from practice.facts import PracticeFacts

TIMEOUT = 60 * 60
# Part of the key: a new release that keeps something more or different here
# never reads what the release before it stored under the same generation.
SHAPE = 2


def _key(request, current):
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # Django answers 400 further in
    address = f"{host}:{request.get_port()}"
    return f"site:{SHAPE}:{current}:{hashlib.sha1(address.encode()).hexdigest()[:16]}"


def _build(request):
    site = Site.find_for_request(request)
    if site is None:
        return {"site": None}
    return {
        "site": site,
        "root_paths": Site.get_site_root_paths(),
        "settings": [model.for_site(site) for model in registry if issubclass(model, BaseSiteSetting)],
        "facts": snapshot.load(site),
        "private": private_sections(),
        "menu": _menu(site, request),
    }


def _menu(site, request):
    """Top-level pages marked "show in menus", in the order of the page tree: (title, URL) pairs."""
    pages = visible(site.root_page.get_children()).in_menu().only("id", "title", "url_path", "path", "depth")
    return [(page.title, page.get_url(request)) for page in pages]


def menu_pages(request):
    """The main menu's (title, URL) pairs for this request."""
    shared = getattr(request, "_site_cache", None)
    if shared is None or shared["site"] is None:
        site = Site.find_for_request(request)
        return _menu(site, request) if site else []
    return shared["menu"]


class SiteCacheMiddleware:
    """Read (or, once per generation, build) the site's shared data and hand it to
    Wagtail's settings, the practice facts, the privacy check and the menu."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        current = generation()
        key = _key(request, current)
        if key is not None:
            # Kept by this worker too (pagecache.local), as the key carries the generation.
            shared = local.get_or_build(caches["default"], current, key, lambda: _build(request), TIMEOUT)
            if shared["site"] is not None:
                # Each request its own copy of the settings: Wagtail gives each one the request.
                settings_copies = [copy.copy(setting) for setting in shared["settings"]]
                remember_site_and_settings(request, shared["site"], settings_copies, shared["root_paths"])
                remember_private_sections(shared["private"])
                request._practice_facts = PracticeFacts(site=shared["site"], data=shared["facts"])
            request._site_cache = shared
        return self.get_response(request)
