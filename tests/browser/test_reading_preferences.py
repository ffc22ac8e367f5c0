"""Reading options, motion and a browser without JavaScript, in real Chromium."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import ARTICLE, describe, open_disclosures, tab_to, wider_than_viewport

pytestmark = pytest.mark.browser

# Runs before any of the page's own scripts: notes what the first frame is drawn with.
FIRST_FRAME = """
requestAnimationFrame(() => {
    const root = document.documentElement;
    window.firstFrame = {text: root.dataset.text || "", theme: root.dataset.theme || "", spacing: root.dataset.spacing || ""};
});
"""


def remember(page, **prefs):
    """Start a visit as someone who chose these options on an earlier one."""
    page.context.add_init_script(f"localStorage.setItem('reading-options', {json.dumps(json.dumps(prefs))})")


def style(page, selector, prop):
    return page.evaluate("([s, p]) => getComputedStyle(document.querySelector(s))[p]", [selector, prop])


def test_reading_options_work_by_keyboard_and_follow_the_visitor_to_every_page(page):
    page.goto(ARTICLE)
    base_size = float(style(page, "body", "fontSize").rstrip("px"))
    tab_to(page, page.locator(".reading-options summary"))
    page.keyboard.press("Enter")

    tab_to(page, page.get_by_role("group", name="Text size").get_by_role("radio", name="Standard"))
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("radio", name="Large", exact=True)).to_be_checked()
    expect(page.locator("html")).to_have_attribute("data-text", "large")
    assert float(style(page, "body", "fontSize").rstrip("px")) > base_size * 1.15

    tab_to(page, page.get_by_role("group", name="Spacing").get_by_role("radio", name="Standard"))
    page.keyboard.press("ArrowRight")
    expect(page.locator("html")).to_have_attribute("data-spacing", "wide")
    assert style(page, "body", "letterSpacing") != "normal"

    tab_to(page, page.get_by_role("group", name="Colours").get_by_role("radio", name="Standard"))
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("radio", name="High contrast")).to_be_checked()
    assert style(page, "body", "backgroundColor") == "rgb(255, 255, 255)"
    assert style(page, "body", "color") == "rgb(0, 0, 0)"

    # The next page is drawn with the same choices from its very first frame, and says so in the panel.
    page.context.add_init_script(FIRST_FRAME)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="About me").click()
    expect(page).to_have_url(re.compile(r"/about/$"))
    assert page.wait_for_function("() => window.firstFrame").json_value() == {"text": "large", "theme": "contrast", "spacing": "wide"}
    page.locator(".reading-options summary").click()
    expect(page.get_by_role("radio", name="Large", exact=True)).to_be_checked()
    expect(page.get_by_role("radio", name="High contrast")).to_be_checked()

    # Back to the standard look.
    page.get_by_role("group", name="Colours").get_by_role("radio", name="Standard").check()
    expect(page.locator("html")).not_to_have_attribute("data-theme", re.compile(".*"))
    page.reload()
    expect(page.locator("html")).not_to_have_attribute("data-theme", re.compile(".*"))
    expect(page.locator("html")).to_have_attribute("data-text", "large")


@pytest.mark.parametrize("theme", ["soft", "contrast"])
def test_every_reading_option_keeps_pages_accessible_and_narrow_screens_unscrolled(new_page, axe, theme):
    page = new_page(bypass_csp=True)
    remember(page, text="largest", spacing="wide", theme=theme)
    for path in ("/", ARTICLE, "/contact/"):
        page.goto(path)
        open_disclosures(page)
        expect(page.locator("html")).to_have_attribute("data-theme", theme)
        assert (violations := axe(page)) == [], f"{path} with the {theme} theme:\n{describe(violations)}"
        page.set_viewport_size({"width": 320, "height": 720})
        assert wider_than_viewport(page) == [], f"{path} scrolls sideways with the largest text and wide spacing"
        page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.parametrize("stored", ['{"text": "enormous", "theme": "<b>"}', "5", "not json"])
def test_a_stored_choice_that_makes_no_sense_is_ignored(page, stored):
    page.context.add_init_script(f"localStorage.setItem('reading-options', {json.dumps(stored)})")
    page.goto("/")
    assert page.evaluate("[...document.documentElement.attributes].map((a) => a.name).filter((n) => n.startsWith('data-'))") == []
    page.locator(".reading-options summary").click()
    page.get_by_role("radio", name="Soft background").check()  # and the panel still works
    expect(page.locator("html")).to_have_attribute("data-theme", "soft")


def test_without_javascript_every_control_shown_still_works(new_page):
    page = new_page(java_script_enabled=False)
    page.goto(ARTICLE)
    expect(page.locator(".reading-options")).to_be_hidden()
    dead = page.evaluate(
        """() => [...document.querySelectorAll("button, input, select, textarea, summary")]
            .filter((el) => el.getClientRects().length)
            .filter((el) => el.tagName !== "SUMMARY" && !(el.form && el.form.getAttribute("action")))
            .map((el) => el.outerHTML.slice(0, 100))"""
    )
    assert dead == [], "controls that need JavaScript are shown without it"

    page.get_by_role("search").get_by_label("Search this site").fill("walking")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=walking"))
    expect(page.get_by_role("main").get_by_role("link").first).to_be_visible()


def test_nothing_moves_for_visitors_who_ask_for_reduced_motion(new_page):
    still = new_page(reduced_motion="reduce")
    still.goto("/")
    assert style(still, "html", "scrollBehavior") == "auto"
    moving = still.evaluate(
        """() => [...document.querySelectorAll("*")].filter((el) => {
            const s = getComputedStyle(el);
            return s.animationName !== "none" || parseFloat(s.transitionDuration) > 0;
        }).map((el) => el.tagName)"""
    )
    assert moving == []
    assert still.evaluate("document.getAnimations().length") == 0
    assert still.locator("video[autoplay], marquee").count() == 0

    smooth = new_page(reduced_motion="no-preference")
    smooth.goto("/")
    assert style(smooth, "html", "scrollBehavior") == "smooth", "others get gentle scrolling to a section"
