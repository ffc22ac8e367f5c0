"""The therapist's admin in real Chromium: a new enquiry on the dashboard, read and downloaded; quiet menus."""

import re

import pytest
from playwright.sync_api import expect

from contact.models import ContactPage, ContactSubmission

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def therapist(django_user_model):
    return django_user_model.objects.create_superuser("therapist", "therapist@example.org", PASSWORD)


def sign_in(page):
    page.goto("/admin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Therapy with Ben")
    page.get_by_label("Username").fill("therapist")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def send_enquiry(name="Robin Private", message="Evenings suit me best."):
    return ContactSubmission.objects.create(
        page=ContactPage.objects.get(),
        form_data={"your_name": name, "e_mail_address": "robin@example.org",
                   "anything_you_would_like_me_to_know": message},
    )


def test_she_sees_a_new_enquiry_opens_it_and_downloads_them_all(new_page, therapist, tmp_path):
    send_enquiry()
    page = new_page()
    sign_in(page)
    expect(page).to_have_title("Dashboard - Therapy with Ben")
    expect(page.get_by_text("1 new enquiry since you last read them.")).to_be_visible()
    expect(page.get_by_role("link", name="Enquiries (1 new)")).to_be_visible()

    page.get_by_role("link", name="Robin Private").click()
    expect(page.get_by_role("heading", name="Enquiry from Robin Private")).to_be_visible()
    expect(page.get_by_text("Evenings suit me best.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"deleted for good 180 days after they arrive"))).to_be_visible()

    page.get_by_role("link", name="Dashboard").first.click()
    expect(page.get_by_text("No new enquiries since you last read them.")).to_be_visible()
    page.get_by_role("link", name="All enquiries").click()
    expect(page.locator(".inbox-item__status")).to_have_text(["Read"])

    with page.expect_download() as spreadsheet:
        page.get_by_role("link", name="Download all enquiries (Excel)").click()
    assert spreadsheet.value.suggested_filename.endswith(".xlsx")
    with page.expect_download() as csv:
        page.get_by_role("link", name="Download as CSV").click()
    saved = tmp_path / "enquiries.csv"
    csv.value.save_as(saved)
    assert "Robin Private" in saved.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["1280px", "390px"])
def test_the_inbox_reads_without_sideways_scrolling(new_page, therapist, viewport):
    for number in range(3):
        send_enquiry(name=f"Someone With A Rather Long Name Number {number}")
    page = new_page(viewport=viewport)
    sign_in(page)
    page.goto("/admin/enquiries/")
    items = page.locator(".inbox-item")
    expect(items).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for index in range(3):
        for part in ("name", "time", "status", "email"):
            box = items.nth(index).locator(f".inbox-item__{part}").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], f"{part} runs off the screen"
    expect(page.get_by_role("link", name="Download all enquiries (Excel)")).to_be_in_viewport()


def test_the_menus_are_quiet_and_publish_stands_alone(new_page, therapist):
    page = new_page()
    sign_in(page)
    menu = page.get_by_role("navigation", name="Main menu")
    # The sidebar is drawn by the admin's script after the page loads: wait for it before reading it.
    expect(menu.locator(".menuitem-label").first).to_be_visible()
    labels = set(menu.locator(".menuitem-label").all_inner_texts())
    assert {"Pages", "Enquiries", "Authors", "Images", "Settings"} <= labels
    assert not labels & {"Reports", "Help", "Forms"}
    menu.get_by_role("button", name="Settings").click()
    for item in ("Practice details", "Enquiry settings"):
        expect(menu.get_by_role("link", name=item)).to_be_visible()
    for item in ("Workflows", "Users", "Groups", "Sites", "Collections", "Redirects"):
        expect(menu.get_by_role("link", name=item)).to_have_count(0)

    page.goto("/admin/")
    page.get_by_role("link", name="Write a post").click()
    footer = page.locator("footer")
    expect(footer.get_by_role("button", name="Save draft")).to_be_visible()
    expect(footer.get_by_role("button", name="Publish")).to_be_visible()
    expect(footer.get_by_text("Unpublish")).to_have_count(0)
    expect(footer.get_by_text(re.compile("moderat", re.IGNORECASE))).to_have_count(0)
