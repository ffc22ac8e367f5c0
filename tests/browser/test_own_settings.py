"""The visitor's own device settings come before the reading options (issue 13, point 8), and articles print cleanly.

Measured in real Chromium with Playwright's media emulation: dark mode,
"more contrast", and print.
"""

import json

import pytest

from tests.browser.checks import ARTICLE, describe, open_disclosures, tab_to
from tests.browser.test_validity import show_contact_errors

pytestmark = pytest.mark.browser

DARK_PAGES = ["/", ARTICLE, "/services/walk-and-talk-therapy/", "/contact/", "/book-a-call/", "/fees/", "/search/?q=counselling"]

# Relative luminance and contrast ratio as WCAG defines them, for colours the browser computed.
CONTRAST = """
([selector, pseudo, prop, against]) => {
    const channels = (css) => css.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => {
        v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const el = selector === ":focus" ? document.activeElement : document.querySelector(selector);
    const fg = lum(channels(getComputedStyle(el, pseudo)[prop]));
    const bg = lum(channels(getComputedStyle(document.body).backgroundColor));
    return {luminance: bg, ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)};
}
"""


def remember(page, **prefs):
    page.context.add_init_script(f"localStorage.setItem('reading-options', {json.dumps(json.dumps(prefs))})")


def body_colours(page):
    return page.evaluate("() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color]; }")


def test_dark_mode_is_dark_with_aa_contrast_on_every_kind_of_page_and_form(new_page, axe):
    page = new_page(bypass_csp=True, color_scheme="dark")
    for path in DARK_PAGES:
        page.goto(path)
        open_disclosures(page)
        background = page.evaluate(CONTRAST, ["body", None, "color", None])
        assert background["luminance"] < 0.05, f"{path} is not dark in dark mode"
        assert background["ratio"] >= 7, f"body text on {path} has a contrast of {background['ratio']:.1f}"
        assert (violations := axe(page)) == [], f"{path} in dark mode:\n{describe(violations)}"
        page.set_viewport_size({"width": 320, "height": 640})
        assert (violations := axe(page)) == [], f"{path} in dark mode at 320 px:\n{describe(violations)}"
        page.set_viewport_size({"width": 1280, "height": 900})
    # Error messages, and the ring that shows keyboard focus, stay visible on the dark background.
    show_contact_errors(page)
    assert (violations := axe(page)) == [], f"contact form errors in dark mode:\n{describe(violations)}"
    assert page.evaluate(CONTRAST, [".form-field .error", None, "color", None])["ratio"] >= 4.5
    tab_to(page, page.get_by_role("textbox").first)
    assert page.evaluate(CONTRAST, [":focus", None, "outlineColor", None])["ratio"] >= 3, "the focus ring is hard to see"


def test_more_contrast_asked_by_the_device_gives_the_high_contrast_colours(new_page, axe):
    page = new_page(bypass_csp=True, contrast="more")
    page.goto(ARTICLE)
    assert body_colours(page) == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]
    assert (violations := axe(page)) == [], describe(violations)
    page.emulate_media(color_scheme="dark")
    assert body_colours(page) == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"], "dark and more contrast: white on black"
    assert (violations := axe(page)) == [], describe(violations)


@pytest.mark.parametrize(
    "device, theme, colours",
    [
        ({"color_scheme": "dark"}, "soft", ["rgb(246, 240, 225)", "rgb(43, 42, 38)"]),
        ({"color_scheme": "dark"}, "contrast", ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]),
        ({"contrast": "more"}, "soft", ["rgb(246, 240, 225)", "rgb(43, 42, 38)"]),
    ],
    ids=["dark, chose soft", "dark, chose high contrast", "more contrast, chose soft"],
)
def test_a_choice_in_the_reading_options_wins_over_the_device_setting(new_page, device, theme, colours):
    page = new_page(**device)
    remember(page, theme=theme)
    page.goto("/")
    assert body_colours(page) == colours
    # And choosing the standard colours again hands the choice back to the device.
    page.locator(".reading-options summary").click()
    page.get_by_role("group", name="Colours").get_by_role("radio", name="Standard").check()
    assert body_colours(page) != colours


def test_without_javascript_dark_mode_still_applies(new_page):
    page = new_page(java_script_enabled=False, color_scheme="dark")
    page.goto(ARTICLE)
    assert page.evaluate(CONTRAST, ["body", None, "color", None])["luminance"] < 0.05


def test_an_article_prints_as_text_with_its_link_addresses(new_page):
    page = new_page(color_scheme="dark")
    page.goto(ARTICLE)
    page.emulate_media(media="print")
    assert body_colours(page) == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"], "black on white paper, even from dark mode"
    hidden = [".site-header", "nav[aria-label='Main']", ".reading-options", "form", ".cta", ".post__aside", ".site-footer__small"]
    shown = page.evaluate(
        "(selectors) => selectors.filter((s) => [...document.querySelectorAll(s)].some((el) => el.getClientRects().length))",
        hidden,
    )
    assert shown == [], f"printed although only useful on a screen: {shown}"
    assert page.locator("main h1").is_visible() and page.locator(".post .prose p").first.is_visible()
    link = page.locator(".post .prose p a[href]").first
    href = link.get_attribute("href")
    after = link.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert href in after, f"the printed link does not show its address: {after}"
    # On screen, nothing of that shows.
    page.emulate_media(media="screen")
    assert link.evaluate("(a) => getComputedStyle(a, '::after').content") in ("none", "normal")
