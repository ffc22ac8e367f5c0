"""Refuse a request body Django cannot read, before anything else tries to read it.

Django refuses a form body sent in any character set but UTF-8 (and one whose
character set it does not know) by raising BadRequest each time `request.POST`
is read. CSRF protection reads it, and so do Django's own 400 and 500 pages
(through their CSRF decorator), so one such request used to end in a 500 and
about a thousand log lines. Reading the body once here, first, turns it into
a plain 400, which Django logs once ("Bad Request: /path/").
"""

from django.core.exceptions import BadRequest
from django.http import HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError

URLENCODED = "application/x-www-form-urlencoded"
FORM_TYPES = (URLENCODED, "multipart/form-data")
UNREADABLE = (BadRequest, MultiPartParserError, LookupError, UnicodeError, ValueError)


class UnreadableFormBodyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE") and request.content_type in FORM_TYPES:
            # A form body is UTF-8 by definition; a charset Django does not know it
            # would otherwise silently read as UTF-8 anyway. Either way: refuse.
            charset = request.content_params.get("charset", "utf-8").strip().lower()
            if request.content_type == URLENCODED and charset != "utf-8":
                return self.refuse()
            try:
                request.POST  # noqa: B018 - parsed here once, so every later reader gets the result
            except UNREADABLE:
                return self.refuse()
        return self.get_response(request)

    @staticmethod
    def refuse():
        return HttpResponseBadRequest("This form could not be read: send it as UTF-8.", content_type="text/plain; charset=utf-8")
