"""Let the admin's preview panel show the page being edited.

Wagtail renders a preview by sending a stand-in request for the page's public
address through every middleware, so the public pages' `frame-ancestors
'none'` reached the preview too and the browser refused to draw it in the
editor's panel (and in the Checks panel, which reads the same preview).
Wagtail already relaxes X-Frame-Options to SAMEORIGIN for its preview view;
this does the same for the Content-Security-Policy, for previews only.
Public pages keep refusing every frame.
"""

from csp.decorators import csp_replace

SAME_ORIGIN_ONLY = {"frame-ancestors": ["'self'"]}


class AllowAdminToFramePreviews:
    """Listed after django-csp's middleware, so it marks the response before the policy is written."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Wagtail sets is_preview on its stand-in request only; no visitor's request can carry it.
        if getattr(request, "is_preview", False):
            response = csp_replace(SAME_ORIGIN_ONLY)(lambda _request: response)(request)
        return response
