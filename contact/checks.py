"""Startup checks: a mistyped CONTACT_RATE_LIMIT is reported by `manage.py check`, not by a visitor's error page."""

from django.conf import settings
from django.core.checks import Error, register

from contact.ratelimit import parse_rate


@register()
def rate_limit_is_readable(app_configs, **kwargs):
    try:
        parse_rate(getattr(settings, "CONTACT_RATE_LIMIT", ""))
    except ValueError as error:
        return [Error(str(error), hint="Set CONTACT_RATE_LIMIT to a count and a period, e.g. 5/h.", id="contact.E001")]
    return []
