"""Ask editors who have turned on two-step verification for a code.

After the password, an editor with a confirmed authenticator app reaches
nothing in the admin but the code page (and signing out) until the code
has been given for this session.
"""

from urllib.parse import quote

from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from .devices import confirmed_device

OPEN_URL_NAMES = {"two_step_verify", "wagtailadmin_logout", "wagtailadmin_login", "wagtailadmin_sprite",
                  "wagtailadmin_javascript_catalog"}


class RequireSecondStepMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._needs_code(request):
            return redirect(f"{reverse('two_step_verify')}?next={quote(request.get_full_path())}")
        return self.get_response(request)

    @staticmethod
    def _needs_code(request):
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        if match.url_name in OPEN_URL_NAMES:
            return False
        return confirmed_device(user) is not None
