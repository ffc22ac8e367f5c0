"""The one builder of demo StreamField content: one function per block of home.blocks.BodyBlock.

Every app's demo content is written with these, so the data reads as prose
and a change to a block's shape is made here once.
"""

import json
import uuid

from django.utils.html import escape


def stream(*blocks):
    """StreamField raw data from blocks built below, with stable block ids."""
    return json.dumps([{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks])


def rich(*paragraphs):
    """Rich text from plain paragraphs; a paragraph may already be HTML."""
    return "".join(p if p.lstrip().startswith("<") else f"<p>{p}</p>" for p in paragraphs)


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level, "anchor": ""})


def text(*paragraphs):
    return ("text", rich(*paragraphs))


def table(caption, columns, rows, row_heading_label="", note=""):
    """A comparison table; ``rows`` from row(). The first column of the grid holds the row headings."""
    headings = [row_heading_label, *columns]
    grid = {
        "caption": caption,
        "columns": [{"type": "text", "heading": heading} for heading in headings],
        "rows": [{"values": row} for row in rows],
    }
    return ("table", {"table": grid, "note": note})


def row(heading, *cells):
    """A comparison-table row: its heading and one cell per column (text or HTML)."""
    return [rich(escape(heading)), *(rich(cell) for cell in cells)]


def faq(heading, *pairs):
    """Questions and answers from (question, answer html) pairs."""
    return ("faq", {"heading": heading, "questions": [{"question": q, "answer": a} for q, a in pairs]})


def callout(html, style="callout", attribution=""):
    return ("callout", {"style": style, "text": rich(html), "attribution": attribution})


def call_to_action(heading, html, button_label, page=None):
    # No page chosen: the button leads to the contact page named in the practice details.
    return ("call_to_action", {"heading": heading, "text": rich(html), "button_label": button_label, "page": page})


def image(picture, alt_text, caption="", width="wide", decorative=False):
    """An image; a decorative one has no text alternative."""
    return ("image", {"image": {"image": picture.pk, "alt_text": alt_text, "decorative": decorative}, "caption": caption, "width": width})


def page_link(page, title="", description=""):
    """A card linking to ``page`` (its own title and summary unless given)."""
    return ("page_link", {"page": page.pk, "title": title, "description": description})


def bold_list(*items):
    """A bulleted list whose items each start with a bold term: (term, text) pairs.

    A term that is a question stands on its own; any other is followed by a colon.
    """
    return "<ul>" + "".join(
        f"<li><b>{term}</b> {text}</li>" if term.endswith("?") else f"<li><b>{term}:</b> {text}</li>"
        for term, text in items
    ) + "</ul>"


def fees_table():
    """The table of fees and practicalities (its content is in practice settings)."""
    return ("fees_table", None)
