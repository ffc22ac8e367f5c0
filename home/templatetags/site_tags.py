import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from wagtail.models import Site

from home.models import PracticeSettings
from home.visibility import in_private_section

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
    data = page.get_json_ld(request, PracticeSettings.for_request(request))
    if not data.get("@graph"):
        return ""
    return mark_safe(f'<script type="application/ld+json">{json_for_script(data)}</script>')


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", in the order of the page tree."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page
    pages = list(root.get_children().live().exclude(in_private_section()).in_menu().only("id", "title", "url_path", "path", "depth"))
    return [{"title": "Home", "url": "/", "current": request.path == "/"}] + [
        {
            "title": page.title,
            "url": page.get_url(request),
            "current": request.path.startswith(page.get_url(request) or "\0"),
        }
        for page in pages
    ]
