"""Comparison tables stored in the list-of-rows shape move to the grid, live and in revisions, and back."""

import importlib
import json

from django.apps import apps
from wagtail.blocks import StreamValue

from blog.models import BlogPage
from home.blocks.table_shapes import ConvertComparisonTables
from home.models import StandardPage
from tests.helpers import soup

OLD = {
    "caption": "Ways to meet",
    "row_heading_label": "Aspect",
    "columns": ["In person", "Online"],
    "rows": [
        {"heading": "Fees & travel", "cells": ["<p>A <b>short</b> walk</p>", "<p>None</p>"]},
        {"heading": "Where", "cells": ["<p>In town</p>"]},  # the old editor let a row fall short
    ],
    "note": "<p>Both work.</p>",
}
GRID = {
    "table": {
        "caption": "Ways to meet",
        "columns": [{"type": "text", "heading": h} for h in ("Aspect", "In person", "Online")],
        "rows": [
            {"values": ["<p>Fees &amp; travel</p>", "<p>A <b>short</b> walk</p>", "<p>None</p>"]},
            {"values": ["<p>Where</p>", "<p>In town</p>", ""]},
        ],
    },
    "note": "<p>Both work.</p>",
}


def conversions(app, migration):
    module = importlib.import_module(f"{app}.migrations.{migration}")
    return {op.model_name: op for op in module.Migration.operations if isinstance(op, ConvertComparisonTables)}


def store_old_table(page):
    """Puts an old-shaped table in the page's live body and in its latest revision, as before the migration."""
    raw = [{"type": "text", "value": "<p>Before.</p>", "id": "a"}, {"type": "table", "value": OLD, "id": "b"}]
    type(page).objects.filter(pk=page.pk).update(body=StreamValue(page.body.stream_block, raw, is_lazy=True))
    revision = page.save_revision()
    revision.content["body"] = json.dumps(raw)
    revision.save()
    return revision


def stored_tables(page, revision):
    live = type(page).objects.get(pk=page.pk).body.raw_data
    revision.refresh_from_db()
    saved = json.loads(revision.content["body"])
    return [b["value"] for b in live if b["type"] == "table"], [b["value"] for b in saved if b["type"] == "table"]


def test_every_page_type_with_a_body_has_its_tables_converted():
    assert set(conversions("blog", "0007_comparison_table_grid")) == {"BlogPage"}
    assert set(conversions("home", "0009_comparison_table_grid")) == {"HomePage", "StandardPage"}
    assert set(conversions("services", "0008_comparison_table_grid")) == {"ServiceIndexPage", "ServicePage"}


def test_an_old_table_comes_out_as_a_grid_live_and_in_its_revision_and_goes_back(client, demo):
    post = BlogPage.objects.live().first()
    revision = store_old_table(post)
    convert = conversions("blog", "0007_comparison_table_grid")["BlogPage"]

    convert.code(apps, None)
    assert stored_tables(post, revision) == ([GRID], [GRID])
    table = soup(client.get(post.url)).select_one("main table")
    assert [th.get_text(strip=True) for th in table.select('tbody th[scope="row"]')] == ["Fees & travel", "Where"]
    assert table.select_one("tbody td b").get_text() == "short"

    convert.code(apps, None)
    assert stored_tables(post, revision) == ([GRID], [GRID]), "running it twice changes nothing"

    convert.reverse_code(apps, None)
    back = {**OLD, "rows": [OLD["rows"][0], {"heading": "Where", "cells": ["<p>In town</p>", ""]}]}
    assert stored_tables(post, revision) == ([back], [back])


def test_general_pages_are_converted_too(demo):
    page = StandardPage.objects.live().first()
    revision = store_old_table(page)
    conversions("home", "0009_comparison_table_grid")["StandardPage"].code(apps, None)
    assert stored_tables(page, revision) == ([GRID], [GRID])
