"""The therapist schedules a post in the admin; the timed-tasks loop puts it live (issue 12, point 1).

Only the admin and the public site are used, as she and a visitor would, with
one exception: the clock. The admin takes go-live times to the minute, so
rather than wait for the next minute the test moves the stored go-live time
back once the post is scheduled, which is what the clock moving on would do.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Revision

from blog.models import BlogPage
from home.scheduling import publish_due_pages

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"
TITLE = "Starting counselling in the new year"
MINUTE = "%Y-%m-%d %H:%M"  # the format Wagtail's go-live and expiry fields take


def sign_in(page, django_user_model):
    django_user_model.objects.create_superuser("therapist", "therapist@example.org", PASSWORD)
    page.set_default_timeout(30_000)  # the editor is heavy and the test machine is shared
    # Wagtail's editing-session pings are left alone: refused, they bring up a "network
    # error" dialog over the editor. The test ends on the dashboard, so none is in flight.
    page.goto("/admin/")
    page.get_by_label("Username").fill("therapist")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def open_schedule_dialog(page):
    toggle = page.get_by_role("button", name=re.compile(r"^(Set|Edit) schedule$")).first
    if not toggle.is_visible():  # the status panel stays open across a reload
        page.get_by_role("button", name="Toggle status").click()
    toggle.click()
    dialog = page.get_by_role("dialog", name="Set publishing schedule")
    expect(dialog).to_be_visible()
    return dialog


def set_schedule(dialog, go_live, expire=None):
    # Each field opens a date picker over the dialog a moment after it takes focus;
    # Tab out of it closes it, as for a keyboard user. (Leaving before it opens
    # would leave it open over the Save button.)
    pickers = dialog.page.locator(".xdsoft_datetimepicker:visible")
    for label, when in (("Go live date/time", go_live), ("Expiry date/time", expire)):
        field = dialog.get_by_label(label)
        field.fill(when.strftime(MINUTE) if when else "")
        expect(pickers).to_have_count(1)
        field.press("Tab")
    expect(pickers).to_have_count(0)
    dialog.get_by_role("button", name="Save schedule").click()


def test_a_scheduled_post_shows_as_waiting_then_goes_live_on_the_next_round(new_page, django_user_model):
    page = new_page(viewport={"width": 1400, "height": 1000})
    sign_in(page, django_user_model)
    page.get_by_role("link", name="Write a post").click()
    page.get_by_placeholder("Page title*").fill(TITLE)
    page.get_by_role("textbox", name="Introduction").fill("What the first few sessions are like.")
    page.locator('[data-contentpath="body"] button[title="Insert a block"]').last.click()
    page.get_by_role("option", name="Text").first.click()
    page.locator('[data-contentpath="body"] [contenteditable="true"]').first.press_sequentially("Slowly, at your pace.")

    # An end time at the go-live time is refused where she set it, and nothing is saved.
    go_live = timezone.localtime().replace(second=0, microsecond=0) + timedelta(hours=1)
    set_schedule(open_schedule_dialog(page), go_live, expire=go_live)
    expect(page.get_by_text("Invalid schedule")).to_be_visible()
    dialog = open_schedule_dialog(page)
    expect(dialog.get_by_text("The page would come down before anyone could see it.")).to_be_visible()
    assert not BlogPage.objects.filter(title=TITLE).exists()

    # Without the end time, the schedule is kept and "Publish" makes it take effect.
    set_schedule(dialog, go_live)
    expect(page.get_by_text(re.compile(f"Page '{TITLE}' (created|has been saved)"))).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^(Publish|Schedule to publish)$")).click()
    expect(page.get_by_text(f"Page '{TITLE}' has been scheduled for publishing.")).to_be_visible()
    post = BlogPage.objects.get(title=TITLE)
    assert not post.live

    page.goto("/admin/")
    waiting = page.locator(".practice-panel__items li", has_text=TITLE)
    expect(waiting).to_contain_text("Scheduled")
    expect(waiting).to_contain_text(f"goes live {go_live.day} {go_live:%B %Y, %H:%M}")

    visitor = new_page()
    address = f"/blog/{post.slug}/"
    assert visitor.goto(address).status == 404, "not on the site before its time"

    # The clock moves on: the go-live time is now a minute ago. The admin takes whole
    # minutes, so this stands in for waiting until the time she chose.
    past = timezone.now() - timedelta(minutes=1)
    for revision in Revision.page_revisions.filter(object_id=str(post.pk), approved_go_live_at__isnull=False):
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()  # what Wagtail checks again as it publishes
        revision.save(update_fields=["approved_go_live_at", "content"])
    BlogPage.objects.filter(pk=post.pk).update(go_live_at=past)
    page.reload()
    expect(waiting).to_contain_text("Overdue")
    expect(page.get_by_text("1 scheduled page has not gone live yet")).to_be_visible()
    assert visitor.goto(address).status == 404, "nothing runs until the timed-tasks loop's next round"

    publish_due_pages()  # one round of the loop that runs beside the web server every 60 s
    post.refresh_from_db()
    assert post.live

    assert visitor.goto(address).status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_text("Slowly, at your pace.")).to_be_visible()
    visitor.goto("/blog/")
    expect(visitor.get_by_role("link", name=TITLE)).to_be_visible()
    page.reload()
    expect(page.locator(".practice-panel__items li", has_text=TITLE)).to_have_count(0)
