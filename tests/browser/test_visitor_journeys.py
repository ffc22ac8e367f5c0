"""What visitors do, in real Chromium: from the home page to an enquiry, and from the header search to an article."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from contact.models import ContactSubmission
from tests.browser.checks import ARTICLE, describe, tab_to

pytestmark = pytest.mark.browser


def test_a_visitor_goes_from_the_home_page_to_an_enquiry_about_walk_and_talk(new_page, axe):
    cache.clear()  # the enquiry rate limit counts by address, and every test visits from 127.0.0.1
    page = new_page(bypass_csp=True)  # so axe can check the thank-you page too
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Services").click()
    expect(page).to_have_url(re.compile(r"/services/$"))
    page.get_by_role("main").get_by_role("link", name="Walk and talk therapy").first.click()
    expect(page).to_have_url(re.compile(r"/services/walk-and-talk-therapy/$"))

    page.locator('main a[href="/contact/?service=walk-and-talk-therapy"]').first.click()
    expect(page).to_have_url(re.compile(r"/contact/\?service=walk-and-talk-therapy$"))
    expect(page.get_by_role("radio", name="Walk and talk therapy")).to_be_checked()
    page.get_by_label("Your name").fill("Sam Taylor")
    page.get_by_label("E-mail address").fill("sam@example.org")
    page.get_by_label("Anything you would like me to know").fill("I would like to try sessions outdoors.")
    page.get_by_label("I agree that").check()
    before = ContactSubmission.objects.count()
    page.get_by_role("button", name="Send my enquiry").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    assert (violations := axe(page)) == [], describe(violations)
    assert ContactSubmission.objects.count() == before + 1
    answers = ContactSubmission.objects.latest("submit_time").get_data()
    assert answers["what_are_you_interested_in"] == "Walk and talk therapy"
    assert answers["your_name"] == "Sam Taylor"


def test_a_visitor_searches_from_the_header_and_reads_an_article_by_keyboard(new_page):
    # Reduced motion: jumps are instant, so a key pressed at machine speed never interrupts a smooth scroll.
    page = new_page(reduced_motion="reduce")
    page.goto("/")
    tab_to(page, page.get_by_role("search").get_by_label("Search this site"))
    page.keyboard.type("therapeutic relationship")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=therapeutic\+relationship"))

    tab_to(page, page.get_by_role("main").get_by_role("link", name="What is the therapeutic relationship?").first)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(ARTICLE) + "$"))

    # The table of contents jumps to a section, and the next Tab carries on from there.
    contents = page.get_by_role("navigation", name="Contents")
    link = contents.get_by_role("link").last
    target = link.get_attribute("href")
    tab_to(page, link)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    expect(page.locator(target)).to_be_in_viewport()
    page.keyboard.press("Tab")
    assert page.evaluate(
        "(id) => Boolean(document.getElementById(id).compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)",
        target.lstrip("#"),
    ), "focus carries on from the section the contents link led to"

    # Every answer can be read from the keyboard: open, or opened with Enter and closed with Space.
    question = page.locator(".faq .faq__item").first
    answer = question.locator(".faq__answer")
    if question.evaluate("(el) => el.tagName") == "DETAILS":
        expect(answer).to_be_hidden()
        tab_to(page, question.locator("summary"))
        page.keyboard.press("Enter")
        expect(answer).to_be_visible()
        page.keyboard.press("Space")
        expect(answer).to_be_hidden()
    else:
        expect(question.get_by_role("heading")).to_be_visible()
        expect(answer).to_be_visible()
