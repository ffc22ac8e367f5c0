"""Idempotent page building for the demo content.

A page that already exists is left as it is, so running the loader again
never overwrites what the therapist has edited; ``--refresh`` rewrites the
demo pages from the code.
"""

import json
import uuid
from dataclasses import dataclass, field

from wagtail.models import Page


@dataclass
class DemoContext:
    home: Page = None
    refresh: bool = False
    log: callable = print
    pages: dict = field(default_factory=dict)


def rich(*paragraphs):
    """Rich text from plain paragraphs; a paragraph may already be HTML."""
    return "".join(p if p.lstrip().startswith("<") else f"<p>{p}</p>" for p in paragraphs)


def stream(*blocks):
    """StreamField raw data from (type, value) pairs, with stable block ids."""
    return json.dumps([{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks])


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
