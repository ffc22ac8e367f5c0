"""A phone visitor's first screen (issue 13, point 1), measured in real Chromium.

The header takes at most a quarter of the screen, the "free initial chat" offer
shows without scrolling on home and every service page, and the menu behind
its button is reachable with and without JavaScript.
"""

import re

import pytest
from playwright.sync_api import expect

from services.models import ServicePage

pytestmark = pytest.mark.browser

PHONES = [{"width": 320, "height": 640}, {"width": 390, "height": 844}]
OFFER = re.compile("free initial chat", re.IGNORECASE)


def header_share(page):
    """The header's height as a share of the first screen."""
    return page.evaluate("document.querySelector('body > header').getBoundingClientRect().height / innerHeight")


def offer_in_first_screen(page):
    """The first visible "free initial chat" link or button lies wholly inside the first screen."""
    return page.evaluate(
        """(pattern) => [...document.querySelectorAll("main a, main button")]
            .filter((el) => new RegExp(pattern, "i").test(el.textContent) && el.getClientRects().length)
            .some((el) => { const box = el.getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; })""",
        OFFER.pattern,
    )


@pytest.mark.parametrize("viewport", PHONES, ids=["320x640", "390x844"])
def test_on_a_phone_the_header_is_small_and_the_offer_shows_without_scrolling(new_page, viewport):
    page = new_page(viewport=viewport)
    paths = ["/"] + [service.url for service in ServicePage.objects.live()]
    assert len(paths) > 1
    for path in paths:
        page.goto(path)
        assert header_share(page) <= 0.25, f"the header fills {header_share(page):.0%} of the first screen on {path}"
        assert offer_in_first_screen(page), f"no “free initial chat” offer on the first screen of {path}"


def test_on_a_phone_the_menu_opens_from_a_labelled_button_and_closes_with_escape(new_page):
    page = new_page(viewport=PHONES[0])
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()
    button = page.get_by_role("button", name="Menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="About me")).to_be_visible()
    expect(page.get_by_role("search").get_by_label("Search this site")).to_be_visible()
    expect(page.get_by_text("Reading options")).to_be_visible()
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(button).to_be_focused()
    button.click()
    nav.get_by_role("link", name="About me").click()
    expect(page).to_have_url(re.compile(r"/about/$"))


def test_on_a_phone_without_javascript_every_menu_link_is_still_reachable(new_page):
    page = new_page(viewport=PHONES[0], java_script_enabled=False)
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()
    page.get_by_role("link", name="Menu").click()
    links = nav.get_by_role("link")
    assert links.count() >= 5
    for index in range(links.count()):
        expect(links.nth(index)).to_be_visible()
    expect(page.get_by_role("search").get_by_label("Search this site")).to_be_visible()
    page.get_by_role("link", name="Close menu").click()
    expect(nav).to_be_hidden()


def test_on_a_wide_screen_the_menu_is_always_shown_and_the_button_is_not(page):
    page.goto("/")
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Contact")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
