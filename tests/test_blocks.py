"""The shared body blocks: each renders its own template, previews in the admin, and refuses bad input clearly."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.models import Page, Site

from home.blocks import BodyBlock, ComparisonTableBlock, FAQBlock, FigureBlock, PageLinkBlock
from home.demo import demo_image
from home.visibility import PrivateSectionsMiddleware

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
    "fees_table": "table caption",
}


def html(value):
    return BeautifulSoup(str(value), "html.parser")


def table_value(caption="Ways to meet", headings=("Aspect", "In person", "Online"), rows=None, note="<p>Either works well.</p>"):
    """A comparison table as stored: a grid whose first column holds the row headings."""
    rows = rows if rows is not None else [
        ["<p>Where</p>", "<p>A <b>quiet</b> room</p>", '<p><i>Your</i> <a href="https://example.org/">home</a></p>'],
        ["<p>Travel</p>", "<p>A short walk</p>", "<p>None</p>"],
    ]
    grid = {"caption": caption, "columns": [{"type": "text", "heading": h} for h in headings], "rows": [{"values": r} for r in rows]}
    return {"table": grid, "note": note}


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


def test_the_table_uses_no_aria_table_roles_and_scrolls_in_a_named_keyboard_region():
    block = ComparisonTableBlock()
    markup = html(block.render(clean(block, table_value())))
    assert not markup.select("table[role], thead[role], tbody[role], tr[role], th[role], td[role]")
    region = markup.find("table").find_parent(attrs={"role": "region"})
    assert region["tabindex"] == "0" and region["aria-label"] == "Ways to meet"


def test_table_without_a_label_over_the_row_names_keeps_every_cell_inside_a_row():
    block = ComparisonTableBlock()
    table = html(block.render(clean(block, table_value(headings=("", "In person", "Online")))))
    assert all(cell.find_parent("tr") for cell in table.find_all(["td", "th"]))
    assert len(table.thead.find_all(["th", "td"])) == 3
    assert not table.thead.select("th:empty"), "an empty corner is a plain cell, not a header with no name"
    assert table.select_one(".comparison__note").get_text(strip=True) == "Either works well."


def test_a_new_table_starts_as_two_columns_and_two_rows_ready_to_fill():
    grid = ComparisonTableBlock().get_default()["table"]
    assert len(grid.columns) == 2
    assert [len(row) for row in grid.rows] == [2, 2]


def refusal(value):
    block = ComparisonTableBlock()
    with pytest.raises(StructBlockValidationError) as refused:
        clean(block, value)
    return refused.value.block_errors["table"]


def test_a_table_needs_a_caption_and_headings_for_the_compared_columns():
    error = refusal(table_value(caption="", headings=("", "In person", "")))
    messages = " ".join(e.message for e in error.non_block_errors.as_data())
    assert "Add a caption" in messages
    assert "Give column 3 a heading" in messages


def test_a_table_needs_at_least_two_columns():
    error = refusal(table_value(headings=("Aspect",), rows=[["<p>Where</p>"]]))
    assert "at least two columns" in error.non_block_errors.as_data()[0].message


def test_an_empty_cell_is_refused_in_that_cell():
    error = refusal(table_value(rows=[["<p>Where</p>", "", "<p>Home</p>"]]))
    assert list(error.cell_errors) == [0] and list(error.cell_errors[0]) == [1]
    assert error.as_json_data()["blockErrors"][0][1], "the message travels to the cell in the editor"


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


def test_link_cards_fetch_their_pages_together_however_many_there_are(demo):
    pages = list(Page.objects.filter(depth=3).order_by("path")[:4])
    block = PageLinkBlock()
    Site.get_site_root_paths()  # Wagtail's list of sites, read once and kept in the cache, as on a running site

    def render(cards):
        raw = [{"page": page.pk, "title": "", "description": ""} for page in cards]
        # Rendered as within one request, where the private sections are read once (PrivateSectionsMiddleware).
        one_request = PrivateSectionsMiddleware(lambda _request: "".join(block.render(value) for value in block.bulk_to_python(raw)))
        with CaptureQueriesContext(connection) as queries:
            rendered = one_request(None)
        return rendered, len(queries)

    rendered, four = render(pages)
    _, two = render([pages[0], pages[-1]])
    assert [a["href"] for a in html(rendered).find_all("a")] == [page.url for page in pages]
    # One query for the pages, one per page type, plus what a card's page itself reads once (the private
    # sections, read once per request on the site; the services page's live count): never one per card.
    assert four == two <= 3 + len({page.content_type_id for page in pages})


def test_two_headings_with_the_same_link_name_are_refused():
    raw = [{"type": "heading", "value": {"text": "Fees", "level": "h2", "anchor": ""}}] * 2
    with pytest.raises(StreamBlockValidationError):
        BODY.clean(BODY.to_python(raw))
