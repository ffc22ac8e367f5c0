"""The therapist in Wagtail's admin, in real Chromium: a post with a comparison table and an FAQ, from login to the live page."""

import json
import re

import pytest
from playwright.sync_api import expect

from blog.models import BlogPage

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"
ROWS = [
    ("Where", "A quiet room in town", "Your own home"),
    ("Travel", "A short walk from the station", "None"),
    ("What you need", "Nothing", "A private space and a steady connection"),
]
QUESTIONS = [
    ("Can I switch between the two?", "Yes. Many people mix both, week by week."),
    ("Is online counselling private?", "Yes. Sessions use an encrypted video service and are never recorded."),
]


def insert_block(page, name):
    """The Article's last "+" opens Wagtail's block chooser; pick a block by its label."""
    page.locator('[data-contentpath="body"] button[title="Insert a block"]').last.click()
    page.get_by_role("option", name=name).click()


def add_item(container):
    """A list's last "Add" button appends an item."""
    container.locator('button[title="Add"]').last.click()


def write_rich_text(editor, text):
    """Draftail, Wagtail's rich text editor, copies its text into a hidden form field a moment
    after the last key: wait for that, or a quick Publish would send the field empty."""
    editor.click()
    editor.press_sequentially(text)
    editor.page.wait_for_function(
        """([el, text]) => {
            let box = el;
            while (!box.querySelector("input[type=hidden]")) box = box.parentElement;
            return box.querySelector("input[type=hidden]").value.includes(text);
        }""",
        arg=[editor.element_handle(), text],
    )


def test_an_editor_publishes_a_post_with_a_comparison_table_and_an_faq(new_page, django_user_model):
    django_user_model.objects.create_superuser("therapist", "therapist@example.org", PASSWORD)
    page = new_page(viewport={"width": 1400, "height": 1000})
    page.goto("/admin/")
    page.get_by_label("Username").fill("therapist")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.get_by_role("navigation").get_by_role("button", name="Pages").click()
    explorer = page.get_by_role("dialog", name="Page explorer")
    explorer.get_by_role("link", name=re.compile(r"^View child pages of 'Counselling in Cheltenham")).click()
    explorer.get_by_role("link", name="Blog", exact=True).click()
    page.get_by_role("link", name="Add child page").click()
    page.get_by_placeholder("Page title*").fill("Meeting in person or online")
    page.get_by_role("textbox", name="Introduction").fill("How the two ways of meeting compare, and how to choose.")

    # Build each block's shape first (Wagtail moves focus to every item it adds), then type into it.
    insert_block(page, "Comparison table")
    add_item(page.locator('[data-contentpath="columns"]'))
    for _ in ROWS[1:]:
        add_item(page.locator('[data-contentpath="rows"]'))
    for number in range(len(ROWS)):
        add_item(page.locator('[data-contentpath="cells"]').nth(number))
    insert_block(page, "Questions and answers (FAQ)")
    add_item(page.locator('[data-contentpath="questions"]'))
    rich_text_fields = 2 * len(ROWS) + 1 + len(QUESTIONS)  # the cells, the note under the table, the answers
    expect(page.locator('[data-contentpath="body"] [contenteditable="true"]')).to_have_count(rich_text_fields)

    page.locator("#body-0-value-caption").fill("In person and online compared")
    page.locator("#body-0-value-row_heading_label").fill("Aspect")
    page.locator("#body-0-value-columns-0-value").fill("In person")
    page.locator("#body-0-value-columns-1-value").fill("Online")
    for number, (heading, *cells) in enumerate(ROWS):
        page.locator(f"#body-0-value-rows-{number}-value-heading").fill(heading)
        editors = page.locator('[data-contentpath="cells"]').nth(number).locator('[contenteditable="true"]')
        for index, text in enumerate(cells):
            write_rich_text(editors.nth(index), text)
    page.locator("#body-1-value-heading").fill("Common questions")
    for number, (question, answer) in enumerate(QUESTIONS):
        page.locator(f"#body-1-value-questions-{number}-value-question").fill(question)
        write_rich_text(page.locator('[data-contentpath="answer"] [contenteditable="true"]').nth(number), answer)

    page.locator("footer .w-dropdown__toggle").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text(re.compile("Page 'Meeting in person or online' (has been|created and) published"))).to_be_visible()

    post = BlogPage.objects.get(title="Meeting in person or online")
    assert post.live
    page.get_by_role("link", name="View live").click()
    expect(page).to_have_url(re.compile(re.escape(post.url) + "$"))
    table = page.get_by_role("table", name="In person and online compared")
    expect(table.get_by_role("columnheader")).to_have_text(["Aspect", "In person", "Online"])
    expect(table.get_by_role("rowheader")).to_have_text([heading for heading, *_ in ROWS])
    expect(table.locator("tbody tr").nth(2).get_by_role("cell")).to_have_text(list(ROWS[2][1:]))
    faq = page.locator(".faq")
    expect(faq.get_by_role("heading", name="Common questions")).to_be_visible()
    for question, answer in QUESTIONS:
        expect(faq.get_by_role("heading", name=question)).to_be_visible()
        expect(faq.get_by_text(answer)).to_be_visible()
    graph = json.loads(page.locator('script[type="application/ld+json"]').text_content())["@graph"]
    faq_data = next(item for item in graph if item["@type"] == "FAQPage")
    assert [q["name"] for q in faq_data["mainEntity"]] == [question for question, _ in QUESTIONS]
