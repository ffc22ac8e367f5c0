"""The StreamField blocks every page type shares, defined once."""

from django.core.exceptions import ValidationError
from wagtail import blocks

from practice.blocks import FeesTableBlock

from .faq import FAQBlock, QuestionBlock
from .links import CallToActionBlock, PageLinkBlock
from .media import FigureBlock
from .table import ComparisonTableBlock
from .text import BodyTextBlock, CalloutBlock, HeadingBlock, heading_anchor


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = BodyTextBlock()
    image = FigureBlock()
    callout = CalloutBlock()
    table = ComparisonTableBlock()
    faq = FAQBlock()
    call_to_action = CallToActionBlock()
    page_link = PageLinkBlock()
    fees_table = FeesTableBlock()

    def clean(self, value):
        value = super().clean(value)
        # Two headings with the same link name would give the page two
        # elements with one id, and the contents list would jump to the first.
        seen, errors = set(), {}
        for index, child in enumerate(value):
            if child.block_type != "heading":
                continue
            anchor = heading_anchor(child.value)
            if anchor in seen:
                errors[index] = ValidationError(
                    f"Another heading already uses the link name “{anchor}”. Give this one a different heading or link name."
                )
            seen.add(anchor)
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value


__all__ = [
    "BodyBlock",
    "BodyTextBlock",
    "CallToActionBlock",
    "CalloutBlock",
    "ComparisonTableBlock",
    "FAQBlock",
    "FigureBlock",
    "HeadingBlock",
    "PageLinkBlock",
    "QuestionBlock",
    "heading_anchor",
]
