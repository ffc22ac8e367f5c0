"""Moving stored comparison tables between the list-of-rows shape and the grid shape.

The list-of-rows shape (until the "comparison_table_grid" migrations of home, services and blog) was
``{caption, row_heading_label, columns: [heading], rows: [{heading, cells: [html]}], note}``.
The grid shape is Wagtail's TypedTableBlock value inside ``{table, note}``,
with the row headings as its first column. Every page type whose body is a
BodyBlock migrates its live data and all its revisions with Wagtail's own
MigrateStreamData; this module is what those migrations import, so change it
only in ways that keep the old conversions true.
"""

from html import unescape

from django.utils.html import escape, strip_tags
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation


def grid_from_rows(old):
    if "table" in old:  # already a grid: running twice changes nothing
        return old
    headings = [old.get("row_heading_label") or "", *old["columns"]]
    width = len(headings)
    rows = []
    for row in old["rows"]:
        # A row with too few cells is padded and one with too many keeps them
        # all, as the old editor stored it; the editor then shows the gap.
        cells = [f"<p>{escape(row['heading'])}</p>", *row["cells"]]
        rows.append({"values": cells + [""] * (width - len(cells))})
        if len(cells) > width:
            headings += [""] * (len(cells) - width)
            width = len(cells)
    for row in rows:
        row["values"] += [""] * (width - len(row["values"]))
    grid = {"caption": old.get("caption", ""), "columns": [{"type": "text", "heading": h} for h in headings], "rows": rows}
    return {"table": grid, "note": old.get("note", "")}


def rows_from_grid(new):
    if "table" not in new:
        return new
    grid = new["table"]
    headings = [column["heading"] for column in grid["columns"]]
    return {
        "caption": grid.get("caption", ""),
        "row_heading_label": headings[0] if headings else "",
        "columns": headings[1:],
        "rows": [
            {"heading": unescape(strip_tags(row["values"][0])).strip(), "cells": row["values"][1:]}
            for row in grid["rows"]
        ],
        "note": new.get("note", ""),
    }


class _Convert(BaseBlockOperation):
    def __init__(self, convert):
        super().__init__()
        self.convert = convert

    def apply(self, block_value):
        return self.convert(block_value)

    @property
    def operation_name_fragment(self):
        return "comparison_table_shape"


class ConvertComparisonTables(MigrateStreamData):
    """Every "table" block of one model's body, live and in every revision, forwards to the grid and back."""

    def __init__(self, app_name, model_name, field_name="body"):
        super().__init__(app_name, model_name, field_name, [(_Convert(grid_from_rows), "table")])
        backwards = MigrateStreamData(app_name, model_name, field_name, [(_Convert(rows_from_grid), "table")])
        self.reverse_code = backwards.migrate_stream_data_forward
