"""A block that places the fees table on any page: the fees themselves are settings, typed once."""

from wagtail import blocks


class FeesTableBlock(blocks.StaticBlock):
    class Meta:
        icon = "table"
        template = "practice/blocks/fees_table.html"
        label = "Fees and practicalities"
        group = "Practice facts"
        admin_text = "Shows every fee, the introductory call, how to pay and cancelling, from Settings › Fees and practicalities."
        description = "The table of your fees and the practical terms, always up to date."
        # A static block has no value of its own; the preview shows the live table from the settings.
        preview_value = None

    @property
    def is_previewable(self):
        return True
