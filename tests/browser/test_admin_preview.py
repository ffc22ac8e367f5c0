"""The editor's preview panel shows the page being edited (issue 12, point 2)."""

import re

import pytest
from playwright.sync_api import expect

from blog.models import BlogPage

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"


def sign_in(page, django_user_model):
    django_user_model.objects.create_superuser("therapist", "therapist@example.org", PASSWORD)
    page.set_default_timeout(30_000)  # the editor is heavy and the test machine is shared
    # Wagtail tells the server when an editor leaves a page; that call would race the
    # test's database clean-up, and these tests do not need it.
    page.route("**/admin/editing-sessions/**", lambda route: route.abort())
    page.goto("/admin/")
    page.get_by_label("Username").fill("therapist")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"), timeout=30_000)


def test_the_preview_panel_shows_the_post_being_edited(page, django_user_model):
    sign_in(page, django_user_model)
    post = BlogPage.objects.live().first()
    page.goto(f"/admin/pages/{post.id}/edit/", wait_until="domcontentloaded")
    page.get_by_role("button", name="Toggle preview").click()
    frame = page.frame_locator("#w-preview-iframe")
    expect(frame.get_by_role("heading", level=1, name=post.title)).to_be_visible(timeout=30_000)


def test_the_checks_panel_counts_the_words_of_the_post(page, django_user_model):
    sign_in(page, django_user_model)
    post = BlogPage.objects.live().first()
    page.goto(f"/admin/pages/{post.id}/edit/", wait_until="domcontentloaded")
    page.get_by_role("button", name="Toggle checks").click()
    # Wagtail shows "-" until it has read the page in the preview.
    expect(page.locator("[data-content-word-count]")).to_have_text(re.compile(r"^\d{3,}$"), timeout=30_000)
    expect(page.locator("[data-content-readability-score]")).to_have_text(re.compile(r"^(Good|Fair|Complex)$"), timeout=30_000)
