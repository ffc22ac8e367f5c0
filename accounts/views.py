"""Turning two-step verification on and off, and giving the code at sign-in."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from .devices import confirmed_device, pending_device, readable_key
from .forms import CodeForm


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@require_http_methods(["GET", "POST"])
def verify(request):
    device = confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(_safe_next(request))
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_safe_next(request))
    return render(request, "accounts/verify.html", {"form": form, "next": _safe_next(request)})


@require_http_methods(["GET", "POST"])
def setup(request):
    if confirmed_device(request.user):
        return render(request, "accounts/manage.html", {"form": CodeForm(device=None)})
    device = pending_device(request.user)
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, "Two-step verification is on. You will be asked for a code each time you sign in.")
        return redirect("two_step_setup")
    return render(request, "accounts/setup.html", {
        "form": form, "key": readable_key(device), "config_url": device.config_url,
    })


@require_http_methods(["POST"])
def turn_off(request):
    device = confirmed_device(request.user)
    form = CodeForm(request.POST, device=device)
    if device is None:
        return redirect("two_step_setup")
    if not form.is_valid():
        return render(request, "accounts/manage.html", {"form": form}, status=400)
    device.delete()
    messages.success(request, "Two-step verification is off. Only your password now protects your account.")
    return redirect("two_step_setup")
