"""Editors can turn on two-step verification; then the admin asks for a code."""

from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


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
    assert "Too many tries" in too_soon.content.decode(), "guesses are slowed down"
    device.refresh_from_db()
    device.throttle_reset()  # as if the editor had waited

    done = browser.post("/admin/two-step/", {"code": current_code(device)}, follow=True)
    assert "Two-step verification is on" in done.content.decode()

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
