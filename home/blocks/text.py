"""Headings, rich text and callouts: the words of a page."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail import blocks

# Rich text an editor can use in running text. No headings here: they come
# from the heading block, so every heading gets an anchor and a place in the
# table of contents and heading order stays honest.
BODY_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "hr"]
INLINE_FEATURES = ["bold", "italic", "link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Heading", max_length=120, help_text="Short and plain: it appears in the contents list.")
    level = blocks.ChoiceBlock(
        label="Level",
        choices=[("h2", "Section heading"), ("h3", "Sub-heading within a section")],
        default="h2",
        help_text="Use a section heading first; a sub-heading belongs under one.",
    )
    anchor = blocks.CharBlock(
        label="Link name",
        required=False,
        max_length=80,
        help_text="Optional. Lets you link straight to this heading (…/#link-name). Made from the heading if left empty.",
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading.html"
        label = "Heading"
        group = "Text"
        description = "A section heading or sub-heading, listed in the page's contents."
        preview_value = {"text": "How the work helps", "level": "h2", "anchor": ""}

    def clean(self, value):
        value = super().clean(value)
        if value["anchor"] and slugify(value["anchor"]) != value["anchor"]:
            raise blocks.StructBlockValidationError(
                block_errors={"anchor": ValidationError("Use lower-case letters, numbers and hyphens only, for example “what-to-expect”.")}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = heading_anchor(value)
        return context


def heading_anchor(value):
    return value.get("anchor") or slugify(value.get("text", "")) or "section"


class BodyTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", BODY_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "home/blocks/rich_text.html"
        label = "Text"
        group = "Text"
        description = "Paragraphs, lists and links."
        preview_value = (
            "<p>Counselling gives you an hour that is yours alone: <b>unhurried</b>, private and without judgement.</p>"
            "<ul><li><b>Listening:</b> you lead, I follow.</li><li><b>Pace:</b> we go as slowly as you need.</li></ul>"
        )


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        label="Style",
        choices=[("callout", "Highlighted box"), ("quote", "Pull quote")],
        default="callout",
        help_text="A highlighted box for a key point, or a pull quote that restates one in large type.",
    )
    text = blocks.RichTextBlock(label="Text", features=INLINE_FEATURES, help_text="Keep it to one or two sentences.")
    attribution = blocks.CharBlock(label="Who said it", required=False, max_length=120, help_text="Optional, for a quote.")

    class Meta:
        icon = "openquote"
        template = "home/blocks/callout.html"
        label = "Callout or pull quote"
        group = "Text"
        description = "Draws the eye to one key point."
        preview_value = {
            "style": "callout",
            "text": "<p>The relationship itself is one of the strongest predictors of whether therapy helps.</p>",
            "attribution": "",
        }
