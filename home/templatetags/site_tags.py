import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from wagtail.models import Site

from home.fragments import cached_for
from home.models import PracticeSettings
from home.site_cache import menu_pages

register = template.Library()

# The same escapes Django's json_script uses: once <, > and & are unicode
# escapes, no text in the data can close the <script> element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_for_script(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


@register.simple_tag(takes_context=True)
def page_json_ld(context, page):
    """The page's one JSON-LD script, built from the page and the practice details."""
    request = context["request"]

    def build():
        data = page.get_json_ld(request, PracticeSettings.for_request(request))
        return f'<script type="application/ld+json">{json_for_script(data)}</script>' if data.get("@graph") else ""

    # Built from the published page and the practice's facts alone (an article's
    # word count means reading its whole body): once per page-cache generation.
    # Not for addresses with a query string, which anyone can vary without end.
    if request.GET:
        return mark_safe(build())
    return mark_safe(cached_for(request, f"json-ld:{page.pk}:{request.path}", build))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", in the order of the page tree (home/site_cache.py)."""
    request = context["request"]
    if Site.find_for_request(request) is None:
        return []
    return [{"title": "Home", "url": "/", "current": request.path == "/"}] + [
        {"title": title, "url": url, "current": request.path.startswith(url or "\0")}
        for title, url in menu_pages(request)
    ]


@register.filter
def ends_with_call_to_action(page):
    """True when the page's content already ends with a call to action: the closing invitation would repeat it."""
    body = getattr(page, "body", None)
    return bool(body) and body[-1].block_type == "call_to_action"
