"""The therapist turns on two-step verification with her phone's camera, in real Chromium,
then signs in with the app's code and with a backup code, which works once only."""

import re
from base64 import b32decode

import pytest
import segno
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"


def app_code(key, steps_ahead=0):
    """What her authenticator app shows for ``key``; one step ahead is the next 30 seconds' code,
    which the site still accepts after this step's code has been used."""
    return f"{totp(b32decode(key), step=30, t0=0, digits=6, drift=steps_ahead):06d}"


def sign_in(page):
    page.goto("/admin/")
    page.get_by_label("Username").fill("therapist")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def sign_out(page):
    page.get_by_role("button", name=re.compile("therapist", re.IGNORECASE)).click()
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()


def test_she_turns_on_two_step_with_the_qr_code_and_signs_in_with_the_app_and_a_backup_code(new_page, django_user_model):
    therapist = django_user_model.objects.create_superuser("therapist", "therapist@example.org", PASSWORD)
    page = new_page()
    sign_in(page)
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto("/admin/account/")
    page.get_by_role("tab", name="More actions").click()
    page.get_by_role("link", name=re.compile("Two-step verification")).click()
    expect(page.get_by_role("heading", name="Turn on two-step verification")).to_be_visible()
    qr = page.get_by_role("img", name="QR code to scan with your authenticator app")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box["width"] >= 150 and box["height"] >= 150, "large enough for a phone camera"
    key = page.locator(".two-step-key").inner_text().replace(" ", "")
    # The squares drawn are those of the set-up link for this key (segno cannot read codes back,
    # so the link is drawn again here and compared).
    device = TOTPDevice.objects.get(user=therapist, confirmed=False)
    assert f"secret={key}" in device.config_url
    drawn = qr.locator("path.qrline").get_attribute("d")
    expected = segno.make(device.config_url, error="m").svg_inline(scale=5, border=4)
    assert f'd="{drawn}"' in expected

    page.get_by_label("6-digit code from your authenticator app").fill(app_code(key))
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_role("heading", name="Your backup codes")).to_be_visible()
    expect(page.get_by_text("If you lose your phone")).to_be_visible()
    codes = page.get_by_role("list", name="Backup codes").get_by_role("listitem").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have kept them safe").click()
    expect(page.get_by_text("You have 10 backup codes left.")).to_be_visible()
    sign_out(page)

    # With the app.
    sign_in(page)
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    page.get_by_label(re.compile("6-digit code")).fill(app_code(key, steps_ahead=1))
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    sign_out(page)

    # With a backup code, typed as printed.
    sign_in(page)
    page.get_by_label(re.compile("or a backup code")).fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_text(re.compile("it will not work again. You have 9 left"))).to_be_visible()
    sign_out(page)

    # The same backup code a second time: refused, gently.
    sign_in(page)
    page.get_by_label(re.compile("or a backup code")).fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    expect(page.get_by_text(re.compile("used already \\(each one works once\\)"))).to_be_visible()
    page.get_by_role("button", name="Sign out instead").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
