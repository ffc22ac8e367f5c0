"""A comparison table the therapist fills in like a spreadsheet, shown with both kinds of header.

Editing is Wagtail's own TypedTableBlock: a grid where "Add column" gives
every row a new cell and "Add row" gives a row with a cell for every column,
so rows can never fall out of step with the headings. Its template has no
row headers, so ours (home/blocks/comparison_table.html) makes the first
column the row headings: a screen reader then announces "Purpose,
Friendship: …" for every cell.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.contrib.typed_table_block.blocks import (
    TypedTableBlock,
    TypedTableBlockAdapter,
    TypedTableBlockValidationError,
)

from .text import INLINE_FEATURES

MIN_COLUMNS = 2

# A new table opens as two columns and two rows of empty cells, ready to type
# into: the first column holds the row headings ("Where", "Cost"), the second
# the first thing being compared.
EMPTY_GRID = {
    "caption": "",
    "columns": [{"type": "text", "heading": ""}, {"type": "text", "heading": ""}],
    "rows": [{"values": ["", ""]}, {"values": ["", ""]}],
}


class ComparisonGridBlock(TypedTableBlock):
    # One kind of column only: every column, the row headings included, is
    # short text with bold, italic and links.
    text = blocks.RichTextBlock(features=INLINE_FEATURES, label="Text column")

    class Meta:
        label = "Table"
        default = EMPTY_GRID
        help_text = (
            "The first column holds the row headings, for example “Where” and “Cost”; its heading is optional, "
            "for example “Aspect”. Each other column is one of the things being compared and needs a heading."
        )

    def clean(self, value):
        problems = []
        if not self.is_deferred_validation:
            # A draft may be saved half-written; publishing needs the whole table.
            if not (value.caption or "").strip():
                problems.append("Add a caption that says what the table compares: screen readers read it out first.")
            missing = [str(number) for number, column in enumerate(value.columns[1:], start=2) if not column["heading"].strip()]
            if missing:
                problems.append(f"Give column {' and '.join(missing)} a heading: it names the thing compared in that column.")
        if len(value.columns) < MIN_COLUMNS:
            problems.append("Keep at least two columns: the row headings and one thing being compared.")
        if not value.row_data:
            problems.append("Add at least one row.")
        cell_errors = None
        try:
            value = super().clean(value)
        except TypedTableBlockValidationError as error:
            cell_errors = error.cell_errors
        if problems or cell_errors:
            # Wagtail shows these above the grid, right under the caption, and
            # marks each empty cell in place; the form keeps what was typed.
            raise TypedTableBlockValidationError(cell_errors=cell_errors, non_block_errors=[ValidationError(p) for p in problems])
        return value


class ComparisonGridAdapter(TypedTableBlockAdapter):
    """Wagtail's grid with our caption help text, which says the caption is needed."""

    def js_args(self, block):
        name, children, defaults, meta = super().js_args(block)
        meta["strings"]["CAPTION_HELP_TEXT"] = "Required. Says what the table compares; screen readers read it out first."
        return [name, children, defaults, meta]


register(ComparisonGridAdapter(), ComparisonGridBlock)


class ComparisonTableBlock(blocks.StructBlock):
    table = ComparisonGridBlock()
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
            "table": {
                "caption": "Ways to meet",
                "columns": [{"type": "text", "heading": heading} for heading in ("Aspect", "In person", "Online")],
                "rows": [
                    {"values": ["<p>Where</p>", "<p>A quiet room in town</p>", "<p>From your own home</p>"]},
                    {"values": ["<p>Travel</p>", "<p>Short walk from the station</p>", "<p>None</p>"]},
                ],
            },
            "note": "",
        }
