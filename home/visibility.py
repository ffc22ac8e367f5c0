"""Which pages anyone may see, decided inside the query that lists them.

PageQuerySet.public() first runs a query of its own to list every privacy
setting; this subquery asks the same question (is the page at or below a
page with a privacy setting?) as part of the listing query itself.
"""

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction


def in_private_section(path_field="path"):
    """True for a page whose tree path starts with the path of a restricted page."""
    path = ExpressionWrapper(OuterRef(path_field), output_field=CharField())
    return Exists(PageViewRestriction.objects.filter(StartsWith(path, F("page__path"))))


def routed_trail(page):
    """``page`` and its ancestors down from the site's home page, as Wagtail's
    routing loaded them on the way (each child keeps its parent); None when
    any is missing, for example in a preview."""
    trail = [page]
    while trail[-1].depth > 2:
        parent = getattr(trail[-1], "_cached_parent_obj", None)
        if parent is None:
            return None
        trail.append(parent)
    return trail[::-1]


def routed_view_restrictions(page):
    """The privacy settings over ``page`` in one query, as Page.get_view_restrictions
    finds them in two; None when routing did not load every ancestor or one is an alias."""
    trail = routed_trail(page)
    if trail is None or any(p.alias_of_id for p in trail):
        return None
    return PageViewRestriction.objects.filter(Q(page_id__in=[p.pk for p in trail]) | Q(page__depth=1))


class RoutedViewRestrictionsMixin:
    """For page types served at depth 3 or more: checks privacy in one query instead of two."""

    def get_view_restrictions(self):
        restrictions = routed_view_restrictions(self)
        return super().get_view_restrictions() if restrictions is None else restrictions
