"""Marking the searched words in titles and summaries of results."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text, words):
    """Wrap each word that starts like a searched word in <mark>.

    Prefix matching marks "walking" for "walk", as stemming found it. Matching
    runs on the plain text and every piece is escaped on its own, so neither
    a page nor a visitor can add markup, and no entity (&amp;) is split.
    """
    text = str(text or "")
    words = [word for word in words or () if len(word) > 1]
    if not words:
        return escape(text)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(word) for word in words) + r")\w*", re.IGNORECASE)
    pieces, start = [], 0
    for match in pattern.finditer(text):
        pieces += [escape(text[start : match.start()]), "<mark>", escape(match.group(0)), "</mark>"]
        start = match.end()
    pieces.append(escape(text[start:]))
    return mark_safe("".join(pieces))
