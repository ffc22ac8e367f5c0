"""Which pages a visitor may find, and what a result needs to show about them."""

from django.db.models import DateField, F, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page, Site

from .types import RESULT_TYPES


def findable_pages(request):
    """Live, public pages of the searchable types on this site: never a draft or a private page."""
    pages = Page.objects.type(*(kind.model for kind in RESULT_TYPES)).live().public()
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
