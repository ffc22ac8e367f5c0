"""Turning two-step verification on and off, backup codes, and giving the code at sign-in."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from .devices import (
    backup_codes_left,
    backup_device,
    confirmed_device,
    new_backup_codes,
    pending_device,
    readable_backup_code,
    readable_key,
    remove_devices,
)
from .forms import CodeForm
from .qr import qr_svg

# New backup codes wait here between the POST that makes them and the one page that shows them.
NEW_CODES_KEY = "two_step_new_backup_codes"


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _show_new_codes(request):
    request.session[NEW_CODES_KEY] = new_backup_codes(request.user)
    return redirect("two_step_backup_codes")


@require_http_methods(["GET", "POST"])
def verify(request):
    device = confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(_safe_next(request))
    form = CodeForm(request.POST or None, device=device, backup=backup_device(request.user))
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.used_device)
        if form.used_device != device:
            left = backup_codes_left(request.user)
            messages.warning(request, (
                f"You signed in with a backup code; it will not work again. You have {left} left. "
                "If you have lost your phone, turn two-step verification off and on again with your new one "
                "under Account › Two-step verification."
            ))
        return redirect(_safe_next(request))
    return render(request, "accounts/verify.html", {"form": form, "next": _safe_next(request)})


@require_http_methods(["GET", "POST"])
def setup(request):
    if confirmed_device(request.user):
        return _manage(request, CodeForm(device=None, backup=backup_device(request.user)))
    device = pending_device(request.user)
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, "Two-step verification is on. You will be asked for a code each time you sign in.")
        return _show_new_codes(request)
    return render(request, "accounts/setup.html", {
        "form": form, "key": readable_key(device), "config_url": device.config_url, "qr_code": qr_svg(device.config_url),
    })


def _manage(request, form, status=200):
    return render(request, "accounts/manage.html", {"form": form, "codes_left": backup_codes_left(request.user)}, status=status)


@never_cache
@require_http_methods(["GET"])
def backup_codes(request):
    """The new codes, shown once: they are taken out of the session as the page is drawn."""
    codes = request.session.pop(NEW_CODES_KEY, None)
    if not codes or not confirmed_device(request.user):
        return redirect("two_step_setup")
    return render(request, "accounts/backup_codes.html", {"codes": [readable_backup_code(code) for code in codes]})


@require_http_methods(["POST"])
def renew_backup_codes(request):
    # The middleware has already asked this session for a code; new codes make the old ones useless.
    if not confirmed_device(request.user):
        return redirect("two_step_setup")
    return _show_new_codes(request)


@require_http_methods(["POST"])
def turn_off(request):
    device = confirmed_device(request.user)
    if device is None:
        return redirect("two_step_setup")
    form = CodeForm(request.POST, device=device, backup=backup_device(request.user))
    if not form.is_valid():
        return _manage(request, form, status=400)
    remove_devices(request.user)
    messages.success(request, "Two-step verification is off. Only your password now protects your account.")
    return redirect("two_step_setup")
