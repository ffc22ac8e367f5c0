"""Editors can turn on two-step verification; then the admin asks for a code."""

import pytest
import segno
from bs4 import BeautifulSoup
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.helpers import soup


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_editor_turns_on_two_step_and_is_then_asked_for_a_code(db, django_user_model):
    user = django_user_model.objects.create_superuser("therapist", "t@example.org", "a-long-test-password")
    browser = Client()
    browser.force_login(user)

    account = browser.get("/admin/account/")
    assert "Two-step verification" in account.content.decode()

    setup = browser.get("/admin/two-step/")
    assert setup.status_code == 200
    assert "Turn on two-step verification" in setup.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    wrong = browser.post("/admin/two-step/", {"code": "000000" if current_code(device) != "000000" else "111111"})
    assert "did not match" in wrong.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    too_soon = browser.post("/admin/two-step/", {"code": current_code(device)})
    assert "pausing for a moment" in too_soon.content.decode(), "guesses are slowed down"
    device.refresh_from_db()
    device.throttle_reset()  # as if the editor had waited

    done = browser.post("/admin/two-step/", {"code": current_code(device)}, follow=True)
    assert "Two-step verification is on" in done.content.decode()
    assert "Your backup codes" in done.content.decode()

    # A new sign-in: the password alone no longer opens the admin.
    later = Client()
    later.force_login(user)
    blocked = later.get("/admin/pages/")
    assert blocked.status_code == 302 and blocked["Location"].startswith("/admin/two-step/verify/")
    device.refresh_from_db()
    device.last_t = -1  # let the same 30-second code be used again in this test
    device.save()
    verified = later.post("/admin/two-step/verify/?next=/admin/pages/", {"code": current_code(device), "next": "/admin/pages/"})
    assert verified.status_code == 302 and verified["Location"] == "/admin/pages/"
    assert later.get("/admin/pages/").status_code == 200


def test_editors_without_two_step_are_not_asked_for_a_code(editor_client):
    assert editor_client.get("/admin/pages/").status_code == 200


def test_verify_page_never_redirects_off_site(db, django_user_model):
    user = django_user_model.objects.create_superuser("therapist", "t@example.org", "a-long-test-password")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    browser = Client()
    browser.force_login(user)
    response = browser.post("/admin/two-step/verify/", {"code": current_code(device), "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"


# --- Set up with a phone: a QR code, backup codes, gentle messages (issue 12, point 9) ---


@pytest.fixture
def therapist(db, django_user_model):
    return django_user_model.objects.create_superuser("therapist", "t@example.org", "a-long-test-password")


def signed_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


def turn_on(browser, user):
    """Set up the app as the therapist would; returns the device and the backup codes shown once."""
    browser.get("/admin/two-step/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    shown = browser.post("/admin/two-step/", {"code": current_code(device)}, follow=True)
    codes = [li.get_text(strip=True) for li in soup(shown).select(".two-step-backup-codes li")]
    device.refresh_from_db()
    return device, codes


def test_the_set_up_page_draws_the_qr_code_of_the_key_it_shows(therapist):
    page = signed_in(therapist).get("/admin/two-step/")
    device = TOTPDevice.objects.get(user=therapist, confirmed=False)
    html = soup(page)
    svg = html.select_one("figure svg")
    assert svg is not None and svg.find("title").get_text() == "QR code to scan with your authenticator app"
    assert "<img" not in str(html.select_one("figure")), "drawn in the page, not fetched from anywhere"
    key = html.select_one(".two-step-key").get_text().replace(" ", "")
    assert f"secret={key}" in device.config_url
    # segno cannot read codes back; the same link drawn by segno gives the same squares.
    expected = BeautifulSoup(segno.make(device.config_url, error="m").svg_inline(scale=5, border=4), "html.parser")
    assert svg.select_one("path.qrline")["d"] == expected.select_one("path.qrline")["d"]


def test_backup_codes_are_shown_once_with_advice_and_counted_on_the_account_page(therapist):
    browser = signed_in(therapist)
    _, codes = turn_on(browser, therapist)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "Your backup codes" not in browser.get("/admin/two-step/backup-codes/", follow=True).content.decode(), "shown once"
    account = soup(browser.get("/admin/account/")).get_text(" ", strip=True)
    assert "10 backup codes left" in account
    assert "You have 10 backup codes left" in soup(browser.get("/admin/two-step/")).get_text(" ", strip=True)


def test_a_backup_code_signs_her_in_once_only(therapist):
    _, codes = turn_on(signed_in(therapist), therapist)
    first = signed_in(therapist)
    signed = first.post("/admin/two-step/verify/", {"code": codes[0].upper(), "next": "/admin/pages/"}, follow=True)
    assert signed.redirect_chain[-1][0] == "/admin/pages/"
    assert "it will not work again. You have 9 left" in signed.content.decode()
    assert "9 backup codes left" in soup(first.get("/admin/account/")).get_text(" ", strip=True)

    again = signed_in(therapist).post("/admin/two-step/verify/", {"code": codes[0], "next": "/admin/pages/"})
    assert again.status_code == 200
    message = soup(again).select_one("#code-error").get_text(" ", strip=True)
    assert "used already" in message and "each one works once" in message


def test_a_wrong_code_at_sign_in_says_what_to_try_without_blame(therapist):
    device, _ = turn_on(signed_in(therapist), therapist)
    wrong = "000000" if current_code(device) != "000000" else "111111"
    response = signed_in(therapist).post("/admin/two-step/verify/", {"code": wrong, "next": "/admin/"})
    message = soup(response).select_one("#code-error").get_text(" ", strip=True)
    for advice in ("newest one", "date and time", "backup codes"):
        assert advice in message
    assert not any(word in message.lower() for word in ("invalid", "incorrect", "wrong", "failed"))


def test_new_backup_codes_replace_the_old_ones(therapist):
    browser = signed_in(therapist)
    _, old = turn_on(browser, therapist)
    renewed = browser.post("/admin/two-step/backup-codes/new/", follow=True)
    new = [li.get_text(strip=True) for li in soup(renewed).select(".two-step-backup-codes li")]
    assert len(new) == 10 and not set(new) & set(old)
    assert signed_in(therapist).post("/admin/two-step/verify/", {"code": new[1], "next": "/admin/"}).status_code == 302
    refused = signed_in(therapist).post("/admin/two-step/verify/", {"code": old[1], "next": "/admin/"})
    assert refused.status_code == 200 and "used already" in refused.content.decode()


def test_a_lost_phone_backup_code_also_turns_two_step_off(therapist):
    browser = signed_in(therapist)
    _, codes = turn_on(browser, therapist)
    off = browser.post("/admin/two-step/turn-off/", {"code": codes[2]}, follow=True)
    assert "Two-step verification is off" in off.content.decode()
    assert not TOTPDevice.objects.filter(user=therapist, confirmed=True).exists()
    assert not StaticDevice.objects.filter(user=therapist).exists(), "no codes left behind"
    assert signed_in(therapist).get("/admin/pages/").status_code == 200


def test_the_dashboard_says_how_many_backup_codes_are_left(therapist):
    browser = signed_in(therapist)
    assert "Two-step verification is off" in soup(browser.get("/admin/")).get_text(" ", strip=True)
    _, codes = turn_on(browser, therapist)
    assert "10 backup codes left" in soup(browser.get("/admin/")).get_text(" ", strip=True)
    for code in codes[:7]:
        signed_in(therapist).post("/admin/two-step/verify/", {"code": code, "next": "/admin/"})
    dashboard = soup(browser.get("/admin/")).get_text(" ", strip=True)
    assert "3 backup codes left" in dashboard and "Make a new set before they run out" in dashboard
