"""A comparison table as structured data, not a spreadsheet.

Wagtail's TypedTableBlock renders column headers but no row headers; a
comparison needs both so a screen reader can announce "Purpose, Friendship:
…" for every cell.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks

from .text import INLINE_FEATURES


class ComparisonRowBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Row heading", max_length=120, help_text="What this row compares, for example “Purpose”.")
    cells = blocks.ListBlock(
        blocks.RichTextBlock(features=INLINE_FEATURES, label="Cell"),
        label="Cells",
        min_num=1,
        help_text="One cell for each column, in the same order as the column headings.",
    )

    class Meta:
        icon = "list-ul"
        label = "Row"


class ComparisonTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label="Caption", max_length=200, help_text="Says what the table compares; read out first by screen readers.",
    )
    row_heading_label = blocks.CharBlock(
        label="Heading over the row names", required=False, max_length=60,
        help_text="Optional, for example “Aspect”. Sits above the first column.",
    )
    columns = blocks.ListBlock(
        blocks.CharBlock(label="Column heading", max_length=80),
        label="Column headings",
        min_num=2,
        help_text="At least two: the things being compared, for example “In person” and “Online”.",
    )
    rows = blocks.ListBlock(ComparisonRowBlock(), label="Rows", min_num=1)
    note = blocks.RichTextBlock(
        label="Note under the table", required=False, features=INLINE_FEATURES,
        help_text="Optional. A sentence or two that sums the table up.",
    )

    class Meta:
        icon = "table"
        template = "home/blocks/comparison_table.html"
        label = "Comparison table"
        group = "Structured"
        description = "Compares two or more things side by side, row by row."
        preview_value = {
            "caption": "Ways to meet",
            "row_heading_label": "Aspect",
            "columns": ["In person", "Online"],
            "rows": [
                {"heading": "Where", "cells": ["<p>A quiet room in town</p>", "<p>From your own home</p>"]},
                {"heading": "Travel", "cells": ["<p>Short walk from the station</p>", "<p>None</p>"]},
            ],
            "note": "",
        }

    def clean(self, value):
        value = super().clean(value)
        expected = len(value["columns"])
        wrong = [
            f"“{row['heading']}” has {len(row['cells'])}"
            for row in value["rows"]
            if len(row["cells"]) != expected
        ]
        if wrong:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "rows": ValidationError(
                        f"Every row needs one cell for each of the {expected} columns. " + "; ".join(wrong) + "."
                    )
                }
            )
        return value

    def get_searchable_content(self, value):
        # Row headings and cells count for search, so a word only in the table finds the page.
        return super().get_searchable_content(value)
