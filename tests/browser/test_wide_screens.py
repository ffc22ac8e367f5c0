"""Wide screens used on purpose, the visitor's own settings, and printing, in real Chromium."""

import pytest

from tests.browser.checks import ARTICLE, PAGES

pytestmark = pytest.mark.browser

WIDE = [{"width": 1280, "height": 800}, {"width": 1920, "height": 1080}]


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("viewport", WIDE, ids=["1280", "1920"])
def test_the_article_has_its_contents_list_beside_the_text(new_page, viewport):
    page = new_page(viewport=viewport)
    page.goto(ARTICLE)
    text, contents = box(page, ".post .prose p"), box(page, ".post .toc")
    assert contents["x"] >= text["x"] + text["width"], f"contents {contents} sit beside the text {text}"
    assert contents["y"] < page.viewport_size["height"], "the contents list is on the first screen"
    # Still there, stuck to the top, after reading halfway down.
    page.mouse.wheel(0, 2000)
    page.wait_for_function("() => window.scrollY > 1500")
    top = box(page, ".post .toc")["y"]
    assert 0 <= top < 100, f"the contents list stays in view while reading (top {top})"
    right = text["x"] + text["width"]
    assert contents["x"] + contents["width"] > 0.7 * viewport["width"], "the layout uses the right of the screen"
    assert 35 * 16 <= text["width"] <= 46 * 16, f"a comfortable reading column ({text['width']} px)"
    assert right < contents["x"]


VISIBLE_INVITATIONS = """() => [...document.querySelectorAll("main .cta, main .closing-cta")]
    .filter((el) => el.getClientRects().length).map((el) => el.getBoundingClientRect().toJSON())"""


@pytest.mark.parametrize("viewport", WIDE, ids=["1280", "1920"])
def test_the_article_keeps_its_one_invitation_beside_the_text(new_page, viewport):
    page = new_page(viewport=viewport)
    page.goto(ARTICLE)
    text = box(page, ".post .prose p")
    page.mouse.wheel(0, 4000)
    page.wait_for_function("() => window.scrollY > 3500")
    invitations = page.evaluate(VISIBLE_INVITATIONS)
    assert len(invitations) == 1, f"{len(invitations)} invitations to get in touch are shown"
    invitation = invitations[0]
    assert invitation["x"] >= text["x"] + text["width"], "the invitation sits beside the reading column"
    button = page.locator(".post__aside a.button").first.bounding_box()
    assert 0 <= button["y"] and button["y"] + button["height"] <= viewport["height"], "its button is in view while reading"


def test_on_a_phone_the_article_ends_with_its_one_invitation(new_page):
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(ARTICLE)
    invitations = page.evaluate(VISIBLE_INVITATIONS)
    assert len(invitations) == 1
    assert invitations[0]["y"] > box(page, ".post .prose p")["y"], "after the text, not before it"


def test_contact_shows_the_practice_details_beside_the_form(new_page):
    for viewport in WIDE:
        page = new_page(viewport=viewport)
        page.goto("/contact/")
        form, details = box(page, ".contact__form"), box(page, ".contact__details")
        assert details["x"] >= form["x"] + form["width"], f"at {viewport['width']} px the details sit beside the form"
        assert page.locator(".contact__details address").is_visible()
        heading = box(page, "main h1")
        assert abs(heading["x"] - form["x"]) < 2, "the page heading lines up with the form"


@pytest.mark.parametrize("viewport", WIDE, ids=["1280", "1920"])
@pytest.mark.parametrize("name", ["general page", "service", "blog list", "search results"])
def test_other_pages_leave_no_empty_right_half(new_page, viewport, name):
    page = new_page(viewport=viewport)
    page.goto(PAGES[name])
    # The reading column's first paragraph of text, or the heading when there is none.
    column = page.evaluate(
        """() => {
            const el = document.querySelector("main .prose p, main .page-header");
            const r = el.getBoundingClientRect();
            return {left: r.left, right: r.right};
        }"""
    )
    width = viewport["width"]
    assert column["right"] > 0.6 * width or abs(column["left"] - (width - column["right"])) < 0.1 * width, (
        f"the column {column} is stuck in the left of a {width} px screen"
    )
