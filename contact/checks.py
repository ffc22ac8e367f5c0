"""Startup checks: a mistyped CONTACT_RATE_LIMIT is reported by `manage.py check`, not by a visitor's error page."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from contact.mail import NO_EMAIL_BACKEND
from contact.ratelimit import parse_rate


@register()
def rate_limit_is_readable(app_configs, **kwargs):
    try:
        parse_rate(getattr(settings, "CONTACT_RATE_LIMIT", ""))
    except ValueError as error:
        return [Error(str(error), hint="Set CONTACT_RATE_LIMIT to a count and a period, e.g. 5/h.", id="contact.E001")]
    return []


@register(Tags.security, deploy=True)
def email_is_set_up(app_configs, **kwargs):
    if settings.EMAIL_BACKEND == NO_EMAIL_BACKEND:
        return [Warning(
            "E-mail is not set up: enquiries are stored, but nobody is told they arrived.",
            hint="Set EMAIL_HOST (and EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, DEFAULT_FROM_EMAIL).",
            id="contact.W002",
        )]
    return []
