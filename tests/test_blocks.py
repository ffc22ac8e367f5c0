"""The shared body blocks: each renders its own template, previews in the admin, and refuses bad input clearly."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.models import Page

from home.blocks import BodyBlock, ComparisonTableBlock, FAQBlock, FigureBlock, PageLinkBlock
from home.demo import demo_image

BODY = BodyBlock()

# What each block's preview in the block picker must show.
PREVIEW_MARKUP = {
    "heading": "h2.anchored",
    "text": ".rich-text ul li b",
    "image": "figure.figure img[alt]",
    "callout": "aside.callout",
    "table": "table caption",
    "faq": ".faq h3.faq__question",
    "call_to_action": "aside.cta a.button",
    "page_link": "aside.link-card a[href]",
}


def html(value):
    return BeautifulSoup(str(value), "html.parser")


def table_value(**changes):
    value = {
        "caption": "Ways to meet",
        "row_heading_label": "Aspect",
        "columns": ["In person", "Online"],
        "rows": [
            {"heading": "Where", "cells": ["<p>A <b>quiet</b> room</p>", '<p><i>Your</i> <a href="https://example.org/">home</a></p>']},
            {"heading": "Travel", "cells": ["<p>A short walk</p>", "<p>None</p>"]},
        ],
        "note": "<p>Either works well.</p>",
    }
    return {**value, **changes}


def clean(block, raw):
    return block.clean(block.to_python(raw))


def test_every_body_block_has_an_icon_template_description_preview_and_group():
    assert set(BODY.child_blocks) == set(PREVIEW_MARKUP)
    for name, block in BODY.child_blocks.items():
        assert block.meta.icon and block.meta.icon != "placeholder", name
        assert block.meta.template, name
        assert block.get_description(), name
        assert block.meta.group, name
        assert block.is_previewable, f"{name} has no preview in the block picker"


@pytest.mark.parametrize("name", list(PREVIEW_MARKUP))
def test_each_block_previews_in_the_admin_with_the_site_styles(editor_client, demo, name):
    block = BODY.child_blocks[name]
    response = editor_client.get("/admin/block-preview/", {"id": block.definition_prefix})
    assert response.status_code == 200
    page = html(response.content.decode())
    assert page.select_one(PREVIEW_MARKUP[name]), f"the {name} preview shows the block as on the site"
    assert page.select_one('link[rel="stylesheet"][href$="css/site.css"]')


# --- Comparison table ----------------------------------------------------


def test_comparison_table_is_a_real_table_with_caption_and_both_kinds_of_header():
    block = ComparisonTableBlock()
    table = html(block.render(clean(block, table_value()))).find("table")
    assert table.caption.get_text(strip=True) == "Ways to meet"
    headers = table.thead.find_all("th")
    assert [(th["scope"], th.get_text(strip=True)) for th in headers] == [
        ("col", "Aspect"), ("col", "In person"), ("col", "Online"),
    ]
    rows = table.tbody.find_all("tr")
    assert [row.find("th", scope="row").get_text(strip=True) for row in rows] == ["Where", "Travel"]
    assert all(len(row.find_all("td")) == 2 for row in rows)
    first = rows[0].find_all("td")
    assert first[0].find("b").get_text() == "quiet" and first[1].find("i").get_text() == "Your"
    assert first[1].find("a")["href"] == "https://example.org/"


def test_each_cell_carries_its_column_name_for_narrow_screens():
    block = ComparisonTableBlock()
    cells = html(block.render(clean(block, table_value()))).select("tbody td")
    assert [cell["data-label"] for cell in cells] == ["In person", "Online", "In person", "Online"]


def test_table_without_a_label_over_the_row_names_keeps_every_cell_inside_a_row():
    block = ComparisonTableBlock()
    table = html(block.render(clean(block, table_value(row_heading_label=""))))
    assert all(cell.find_parent("tr") for cell in table.find_all(["td", "th"]))
    assert len(table.thead.find_all(["th", "td"])) == 3
    assert table.select_one(".comparison__note").get_text(strip=True) == "Either works well."


def test_a_row_with_the_wrong_number_of_cells_is_refused_next_to_that_row():
    block = ComparisonTableBlock()
    rows = table_value()["rows"] + [{"heading": "Cost", "cells": ["<p>£60</p>"]}]
    with pytest.raises(StructBlockValidationError) as refused:
        clean(block, table_value(rows=rows))
    row_errors = refused.value.block_errors["rows"].block_errors
    assert list(row_errors) == [2], "only the faulty row is marked"
    message = row_errors[2].block_errors["cells"].non_block_errors.as_data()[0].message
    assert message.startswith("This row has 1 cell but the table has 2 columns.")
    assert "one for each column" in message


def test_a_table_needs_a_caption_and_at_least_two_columns():
    block = ComparisonTableBlock()
    with pytest.raises(ValidationError):
        clean(block, table_value(caption=""))
    with pytest.raises(ValidationError):
        clean(block, table_value(columns=["Only one"], rows=[{"heading": "Where", "cells": ["<p>Here</p>"]}]))


def test_words_in_table_cells_count_for_search():
    block = ComparisonTableBlock()
    content = " ".join(block.get_searchable_content(clean(block, table_value())))
    assert "quiet" in content and "Travel" in content and "Either works well" in content


# --- FAQ ---------------------------------------------------------------------


def faq_value(heading="Common questions"):
    return {"heading": heading, "questions": [
        {"question": "Do I need a referral?", "answer": "<p>No.</p><p>You can write to me directly.</p>"},
        {"question": "How long is a session?", "answer": "<p>Fifty minutes.</p>"},
    ]}


def test_faq_questions_are_headings_followed_by_their_answers():
    block = FAQBlock()
    faq = html(block.render(clean(block, faq_value())))
    assert faq.find("h2").get_text(strip=True) == "Common questions"
    questions = faq.find_all("h3")
    assert [q.get_text(strip=True) for q in questions] == ["Do I need a referral?", "How long is a session?"]
    answer = questions[0].find_next_sibling(class_="faq__answer")
    assert [p.get_text() for p in answer.find_all("p")] == ["No.", "You can write to me directly."]
    assert not faq.find(["details", "button"]), "answers are shown: nothing to open with the keyboard"


def test_faq_without_its_own_heading_sits_under_the_section_heading_above():
    block = FAQBlock()
    faq = html(block.render(clean(block, faq_value(heading=""))))
    assert not faq.find("h2") and len(faq.find_all("h3")) == 2


def test_faq_needs_a_question_and_an_answer():
    block = FAQBlock()
    with pytest.raises(ValidationError):
        clean(block, {"heading": "", "questions": [{"question": "", "answer": "<p>Yes.</p>"}]})
    with pytest.raises(ValidationError):
        clean(block, {"heading": "", "questions": [{"question": "Is it private?", "answer": ""}]})


# --- Images, links, headings ---------------------------------------------------


def test_an_image_needs_alt_text_unless_marked_decorative(db):
    block = FigureBlock()
    image = demo_image("Soft hills under a pale sky", "calm")
    with pytest.raises(ValidationError):
        clean(block, {"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": "", "width": "wide"})
    decorative = clean(block, {"image": {"image": image.pk, "alt_text": "", "decorative": True}, "caption": "Hills", "width": "wide"})
    figure = html(block.render(decorative))
    assert figure.find("img")["alt"] == ""
    assert figure.find("figcaption").get_text() == "Hills"
    described = clean(block, {"image": {"image": image.pk, "alt_text": "Green hills", "decorative": False}, "caption": "", "width": "wide"})
    assert html(block.render(described)).find("img")["alt"] == "Green hills"


def test_link_cards_fetch_their_pages_together_however_many_there_are(demo, django_assert_max_num_queries):
    pages = list(Page.objects.filter(depth=3).order_by("path")[:4])
    raw = [{"page": page.pk, "title": "", "description": ""} for page in pages]
    block = PageLinkBlock()
    with django_assert_max_num_queries(1 + len({page.content_type_id for page in pages})):
        values = block.bulk_to_python(raw)
        rendered = "".join(block.render(value) for value in values)
    assert [a["href"] for a in html(rendered).find_all("a")] == [page.url for page in pages]


def test_two_headings_with_the_same_link_name_are_refused():
    raw = [{"type": "heading", "value": {"text": "Fees", "level": "h2", "anchor": ""}}] * 2
    with pytest.raises(StreamBlockValidationError):
        BODY.clean(BODY.to_python(raw))
