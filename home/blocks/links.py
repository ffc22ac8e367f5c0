"""Calls to action and links to other pages of the site."""

from wagtail import blocks

from home.visibility import is_visible

from .text import INLINE_FEATURES


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label="Heading", max_length=120, default="Book a free initial chat",
        help_text="A short, warm invitation, for example “Book a free initial chat”.",
    )
    text = blocks.RichTextBlock(
        label="Text", features=INLINE_FEATURES, required=False,
        help_text="Optional. A sentence or two under the heading.",
    )
    button_label = blocks.CharBlock(
        label="Button text", max_length=60, default="Get in touch",
        help_text="What the button says: a few words that say what happens, for example “Get in touch”.",
    )
    page = blocks.PageChooserBlock(
        label="Button leads to", required=False,
        help_text="Leave empty to use the contact page named in Settings › Practice details.",
    )
    show_fee = blocks.BooleanBlock(
        label="Show the fee next to the button", required=False,
        help_text="On a service page, that service's fee; elsewhere, your lowest fee (“Sessions from £…”). "
                  "Whether you are taking new clients is always shown.",
    )

    class Meta:
        icon = "mail"
        template = "home/blocks/call_to_action.html"
        label = "Call to action"
        group = "Links"
        description = "An invitation with a button, to the contact page unless you choose another."
        preview_value = {
            "heading": "Book a free initial chat",
            "text": "<p>A short, no-obligation call to see whether we are a good fit.</p>",
            "button_label": "Get in touch",
        }


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="Page", help_text="The page of this site to point visitors to.")
    title = blocks.CharBlock(label="Title", required=False, max_length=120, help_text="Leave empty to use the page's title.")
    description = blocks.TextBlock(
        label="Description", required=False, help_text="Leave empty to use the page's own description.",
    )

    class Meta:
        icon = "link"
        template = "home/blocks/page_link.html"
        label = "Link to another page"
        group = "Links"
        description = "A card that points readers to another page of the site."
        preview_value = staticmethod(lambda: page_link_preview())

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # A card is a listing: a page behind a password, a login or a group is left out, as search leaves it out.
        context["shown"] = is_visible(value["page"])
        return context

    def bulk_to_python(self, values):
        # A card shows its page's own description, so it needs the specific
        # page: fetch every card's page of a stream together (one query per page
        # type) rather than one page, then its specific type, card by card.
        from wagtail.models import Page

        ids = [value.get("page") for value in values]
        pages = {page.pk: page for page in Page.objects.filter(pk__in=[i for i in ids if i]).defer_streamfields().specific()}
        structs = super().bulk_to_python([{**value, "page": None} for value in values])
        for struct, page_id in zip(structs, ids):
            struct["page"] = pages.get(page_id)
        return structs


def page_link_preview():
    """A card for the home page, so the block picker shows a real link."""
    from wagtail.models import Page

    return {"page": Page.objects.filter(depth=2).first(), "title": "", "description": ""}
