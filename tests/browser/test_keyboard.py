"""Keyboard alone, in real Chromium: skip link, navigation, forms, and a visible focus on every stop."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from contact.models import ContactSubmission
from tests.browser.checks import ARTICLE, describe, focus_ring, focus_stops, tab_to

pytestmark = pytest.mark.browser


def test_the_skip_link_comes_first_and_moves_focus_to_the_main_content(page):
    page.goto(ARTICLE)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert focus_ring(page)["outline"], "the skip link shows its focus"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), "the next stop is inside the main content"


@pytest.mark.parametrize("path", ["/", ARTICLE, "/contact/"])
def test_every_focus_stop_is_on_screen_and_visibly_focused(new_page, path):
    # Reduced motion: focus scrolls at once instead of smoothly, so each stop can be measured on arrival.
    page = new_page(reduced_motion="reduce")
    page.goto(path)
    page.get_by_text("Reading options").click()  # its choices are stops too
    page.evaluate("document.activeElement.blur()")
    stops = focus_stops(page)
    assert len(stops) > 10
    hidden = [stop["element"] for stop in stops if not stop["onScreen"] or not (stop["outline"] or stop["shadow"])]
    assert not hidden, "focus is invisible on:\n" + "\n".join(hidden)


def test_the_main_navigation_works_by_keyboard(page):
    page.goto("/")
    link = page.get_by_role("navigation", name="Main").get_by_role("link", name="About me")
    tab_to(page, link)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/about/$"))
    expect(link).to_have_attribute("aria-current", "page")


def test_an_enquiry_can_be_sent_by_keyboard_alone(page):
    cache.clear()  # the enquiry rate limit counts by address, and every test visits from 127.0.0.1
    page.goto("/contact/")
    tab_to(page, page.get_by_label("Your name"))
    page.keyboard.type("Alex Morgan")
    tab_to(page, page.get_by_label("E-mail address"))
    page.keyboard.type("alex@example.org")
    tab_to(page, page.get_by_role("radio", name="In-person counselling"))
    page.keyboard.press("ArrowDown")  # radio groups: arrows choose
    expect(page.get_by_role("radio", name="Online counselling")).to_be_checked()
    tab_to(page, page.get_by_label("I agree that"))
    page.keyboard.press("Space")
    expect(page.get_by_label("I agree that")).to_be_checked()
    before = ContactSubmission.objects.count()
    tab_to(page, page.get_by_role("button", name="Send my enquiry"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    assert ContactSubmission.objects.count() == before + 1
    assert ContactSubmission.objects.latest("submit_time").get_data()["what_are_you_interested_in"] == "Online counselling"


def test_a_mistake_in_the_enquiry_form_can_be_put_right_by_keyboard(new_page, axe):
    cache.clear()
    page = new_page(bypass_csp=True)  # so axe can check the page with its errors
    page.goto("/contact/")
    tab_to(page, page.get_by_label("Your name"))
    page.keyboard.type("Robin Lee")
    tab_to(page, page.get_by_role("button", name="Send my enquiry"))
    page.keyboard.press("Enter")

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()  # read first by a screen reader
    assert (violations := axe(page)) == [], describe(violations)
    expect(page.get_by_label("Your name")).to_have_value("Robin Lee")
    page.keyboard.press("Tab")
    first_error = summary.get_by_role("link").first
    expect(first_error).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("E-mail address")).to_be_focused()  # the error links lead to their fields
    page.keyboard.type("robin@example.org")
    tab_to(page, page.get_by_role("radio", name="In-person counselling"))  # a group is one stop
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name="Walk and talk therapy")).to_be_checked()
    tab_to(page, page.get_by_label("I agree that"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Send my enquiry"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
