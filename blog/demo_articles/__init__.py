"""The demo blog's articles, one module per article (see blog.demo_content)."""


def page_link(ctx, slug, text):
    """A rich-text link to the demo page ``slug``, or plain text if that page is absent."""
    page = ctx.pages.get(slug)
    return f'<a linktype="page" id="{page.pk}">{text}</a>' if page else text


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level, "anchor": ""})


def callout(text, style="callout"):
    return ("callout", {"style": style, "text": f"<p>{text}</p>", "attribution": ""})


def call_to_action(text):
    # No page chosen: the button leads to the contact page named in the practice details.
    return ("call_to_action", {
        "heading": "Book a free initial chat", "text": f"<p>{text}</p>", "button_label": "Get in touch", "page": None,
    })


def figure(image, alt_text, caption, width="wide"):
    return ("image", {
        "image": {"image": image.pk, "alt_text": alt_text, "decorative": False}, "caption": caption, "width": width,
    })


def bold_list(*items):
    """A bulleted list whose items each start with a bold term: (term, text) pairs.

    A term that is a question stands on its own; any other is followed by a colon.
    """
    return "<ul>" + "".join(
        f"<li><b>{term}</b> {text}</li>" if term.endswith("?") else f"<li><b>{term}:</b> {text}</li>"
        for term, text in items
    ) + "</ul>"
