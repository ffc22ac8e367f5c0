"""The demo blog's articles, one module per article (see blog.demo_content).

Blocks come from the one demo builder, home.demo.blocks.
"""

from functools import partial

from home.demo.blocks import bold_list, callout, heading, text
from home.demo.blocks import call_to_action as _call_to_action
from home.demo.blocks import image as figure

__all__ = ["bold_list", "call_to_action", "callout", "figure", "heading", "page_link", "text"]

call_to_action = partial(_call_to_action, "Book a free initial chat", button_label="Get in touch")


def page_link(ctx, slug, text):
    """A rich-text link to the demo page ``slug``, or plain text if that page is absent."""
    page = ctx.pages.get(slug)
    return f'<a linktype="page" id="{page.pk}">{text}</a>' if page else text
