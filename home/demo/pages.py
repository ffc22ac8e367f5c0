"""Idempotent page building for the demo content.

A page that already exists is left as it is, so running the loader again
never overwrites what the therapist has edited; ``--refresh`` rewrites the
demo pages from the code.
"""

from dataclasses import dataclass, field

from wagtail.models import Page


@dataclass
class DemoContext:
    home: Page = None
    refresh: bool = False
    log: callable = print
    pages: dict = field(default_factory=dict)


def upsert_page(ctx, parent, model, slug, **fields):
    """Create and publish ``model`` under ``parent`` at ``slug`` unless it exists."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        page = existing.specific
        if not ctx.refresh:
            ctx.pages[slug] = page
            return page, False
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
        ctx.pages[slug] = page
        return page, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    ctx.log(f"  created {page.url_path}")
    ctx.pages[slug] = page
    return page, True
