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
        columns = len(value["columns"])
        # The message goes on each row that is wrong, next to its cells, and
        # says what to do; everything the editor typed stays in the form.
        wrong = {
            index: blocks.StructBlockValidationError(block_errors={"cells": blocks.ListBlockValidationError(
                non_block_errors=[ValidationError(cell_count_message(len(row["cells"]), columns))],
            )})
            for index, row in enumerate(value["rows"])
            if len(row["cells"]) != columns
        }
        if wrong:
            raise blocks.StructBlockValidationError(block_errors={"rows": blocks.ListBlockValidationError(block_errors=wrong)})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # Each cell with its column's name, which labels it on narrow screens.
        columns = list(value["columns"])
        context["rows"] = [{"heading": row["heading"], "cells": list(zip(columns, row["cells"]))} for row in value["rows"]]
        return context


def cell_count_message(cells, columns):
    return (
        f"This row has {cells} cell{'s' if cells != 1 else ''} but the table has {columns} columns. "
        "Add or remove cells so there is one for each column, in the same order as the column headings."
    )
