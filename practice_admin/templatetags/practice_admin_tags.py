"""The practice's own name in the admin, where Wagtail would name itself."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag(takes_context=True)
def practice_name(context):
    """The name in Practice details for this site; the site name if none is set yet."""
    request = context.get("request")
    if request is not None:
        from home.models import PracticeSettings

        try:
            name = PracticeSettings.for_request(request).practice_name
        except Exception:  # no site matches this host yet: fall back, never break the login page
            name = ""
        if name:
            return name
    return settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def practice_initials(context):
    """Up to two capital letters of the practice's name, for the mark where Wagtail shows its bird."""
    words = [word for word in practice_name(context).split() if word[:1].isupper()]
    return "".join(word[0] for word in (words[:1] + words[1:][-1:])) or "•"
