"""One line of the results list, whether found by search or pinned by an editor."""

from dataclasses import dataclass
from datetime import date

from .types import type_for_page


@dataclass
class Hit:
    title: str
    url: str
    summary: str
    type_label: str
    type_key: str = ""  # empty for a link to another site
    published: date | None = None  # shown for articles
    promoted: bool = False


def hit_for_page(page, request, promoted=False, description=""):
    """A result for a page from `findable_pages`, which carries its summary and date."""
    kind = type_for_page(page)
    return Hit(
        title=page.title,
        url=page.get_url(request),
        summary=description or page.search_description or page.result_summary or "",
        type_label=kind.label if kind else "Page",
        type_key=kind.key if kind else "",
        published=page.result_date,
        promoted=promoted,
    )


def hit_for_link(promotion):
    """An editor's pick that points to another website."""
    return Hit(
        title=promotion.external_link_text or promotion.external_link_url,
        url=promotion.external_link_url,
        summary=promotion.description,
        type_label="Link",
        promoted=True,
    )
