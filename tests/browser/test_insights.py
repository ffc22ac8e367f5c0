"""Insights in real Chromium: the therapist's charts, and a reader answering "Was this helpful?"."""

import re

import pytest
from playwright.sync_api import expect

from blog.models import BlogPage
from insights.models import HelpfulDay

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"


def test_the_therapist_reads_charts_of_the_demo_quarter(new_page, django_user_model):
    django_user_model.objects.create_superuser("therapist", "therapist@example.org", PASSWORD)
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto("/admin/")
    page.get_by_label("Username").fill("therapist")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Insights").click()
    page.get_by_role("link", name="90 days").click()
    expect(page.get_by_role("heading", name=re.compile(r"Visits per day: \d+ in 90 days"))).to_be_visible()
    chart = page.get_by_role("img", name="Visits per day, last 90 days")
    expect(chart).to_be_visible()
    assert chart.locator("rect").count() == 90
    assert chart.bounding_box()["width"] > 600
    expect(page.get_by_role("img", name="Most-read pages")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("google.com"))).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "insights-admin-90-days.png"), full_page=True)


def test_a_reader_answers_by_keyboard_and_is_thanked(page):
    post = BlogPage.objects.live().order_by("pk").first()
    before = sum(HelpfulDay.objects.filter(page=post, helpful=True).values_list("answers", flat=True))
    page.goto(post.url)
    page.get_by_role("group", name="Was this article helpful?").get_by_label("Yes").check()
    page.get_by_label("What was missing? (optional)").fill("A little more on what the first session is like")
    page.get_by_role("button", name="Send answer").press("Enter")
    expect(page.get_by_role("heading", name=re.compile("Thank you"))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(re.escape(post.title)))).to_be_visible()
    assert sum(HelpfulDay.objects.filter(page=post, helpful=True).values_list("answers", flat=True)) == before + 1
