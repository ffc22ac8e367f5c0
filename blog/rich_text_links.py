"""Internal links in a page's rich text, resolved in one query for the whole page.

Wagtail resolves the page links of each rich text separately, so an article
whose every paragraph links somewhere costs two queries a paragraph. While a
post renders, ``pages_linked_from`` holds every page its body links to,
fetched at once, and the link handler (registered in wagtail_hooks) reads from
it; anywhere else the handler behaves exactly as Wagtail's own.
"""

import re
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import Page

_linked_pages = ContextVar("linked_pages", default=None)
_PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*>')
_ID = re.compile(r'\bid="(\d+)"')


def prefetched(attrs_list):
    """The linked pages for these link attributes, or None if they were not fetched ahead."""
    known = _linked_pages.get()
    ids = [str(attrs.get("id")) for attrs in attrs_list]
    if known is None or not all(pk in known for pk in ids):
        return None
    return [known[pk] for pk in ids]


@contextmanager
def pages_linked_from(raw_stream):
    """Within the block, rich-text links found in ``raw_stream`` need no further query."""
    ids = {int(pk) for html in _strings(raw_stream) for tag in _PAGE_LINK.findall(html) for pk in _ID.findall(tag)}
    # A link needs only the page's URL, which the generic page holds; a deleted
    # page is remembered as None, as Wagtail's handler gives for it.
    found = {str(page.pk): page for page in Page.objects.filter(pk__in=ids).defer_streamfields()} if ids else {}
    token = _linked_pages.set({**{str(pk): None for pk in ids}, **found})
    try:
        yield
    finally:
        _linked_pages.reset(token)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, Sequence):  # lists, and StreamField's RawDataView
        for item in value:
            yield from _strings(item)
