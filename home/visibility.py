"""Which pages a visitor may see: the one definition every app uses.

A page is visible when it is live and outside every private section (a page
with a privacy setting, and everything below it). This is the rule of
Wagtail's own `PageQuerySet.live().public()`: one small query lists the
private sections, then a listing excludes each of them by its path prefix
(`path LIKE '0001…%'`), which every database answers from the path index, so
the time stays flat however many pages there are. (A correlated `NOT EXISTS`
sub-query would save that first query, but SQLite, once it has planner
statistics, runs it as a scan of every page for every row: see issue 18.)

`.public()` runs its query again for every listing, and a page lists several
(the menu, the posts, their topics, related posts). Here the list of private
sections is read once per request (PrivateSectionsMiddleware) and shared by
every listing and by the page's own privacy check.
"""

from contextvars import ContextVar

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

_per_request = ContextVar("private_sections", default=None)


def private_sections():
    """Tree paths of the pages with a privacy setting, read once per request."""
    memo = _per_request.get()
    if memo is None:
        return list(PageViewRestriction.objects.values_list("page__path", flat=True))
    if "paths" not in memo:
        memo["paths"] = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    return memo["paths"]


def remember_private_sections(paths):
    """This request's private sections, read from the shared cache (home/site_cache.py)."""
    memo = _per_request.get()
    if memo is not None:
        memo["paths"] = list(paths)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(**kwargs):
    """A privacy setting changed during this request (in the admin): read the sections again."""
    memo = _per_request.get()
    if memo is not None:
        memo.clear()


def visible(pages):
    """``pages`` (a PageQuerySet) narrowed to live pages that need no login to see."""
    private = Q()
    for path in private_sections():
        private |= Q(path__startswith=path)
    return pages.live().exclude(private) if private else pages.live()


def is_visible(page):
    """The same rule for one page already loaded (a card's chosen page): no query but the private sections."""
    return page is not None and page.live and not any(page.path.startswith(path) for path in private_sections())


class PrivateSectionsMixin:
    """For every page type: no query for the page's own privacy check while the site has no private section.

    With a private section anywhere, Wagtail's own check runs (it follows aliases too).
    """

    def get_view_restrictions(self):
        if not private_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class PrivateSectionsMiddleware:
    """Read the private sections at most once per request, whatever asks for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _per_request.set({})
        try:
            return self.get_response(request)
        finally:
            _per_request.reset(token)
