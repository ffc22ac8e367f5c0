"""What the therapist reads on an admin screen, and the words she should never meet there.

The text is what a browser would show or say: visible text, the titles,
labels and placeholders of controls, and the labels and help texts of the
content blocks and menus, which Wagtail sends as JSON for its scripts to draw.
"""

import json
import re

from bs4 import BeautifulSoup

# Developer's words, and Wagtail's generic ones with a plain word in their place.
JARGON = [
    "streamfield", "stream field", "slug", "snippet", "json", "seo title", "title tag", "meta description",
    "alt text", "image is decorative", "revision", "wagtail", "workflow", "moderator", "submission",
]
# Keys under which Wagtail's JSON carries words a person reads.
READABLE_KEYS = {"label", "helpText", "help_text", "description", "title", "heading", "text", "placeholder", "name_plural"}
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def readable_text(html):
    soup = BeautifulSoup(html, "html.parser")
    parts = []
    for element in soup.find_all(True):
        for attribute in ATTRIBUTES:
            if element.get(attribute):
                parts.append(element[attribute])
        for value in element.attrs.values():
            if isinstance(value, str) and value[:1] in "[{":
                parts.extend(_json_words(value))
    for script in soup.find_all("script"):
        if script.get("type") == "application/json" and script.string:
            parts.extend(_json_words(script.string))
        script.decompose()
    for hidden in soup.find_all(["style", "noscript"]):
        hidden.decompose()
    parts.append(soup.get_text(" "))
    return " ".join(parts)


def _json_words(text):
    try:
        data = json.loads(text)
    except ValueError:
        return []
    words = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in READABLE_KEYS and isinstance(value, str):
                    words.append(_strip_tags(value))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return words


def _strip_tags(text):
    return BeautifulSoup(text, "html.parser").get_text(" ") if "<" in text else text


def jargon_in(text):
    """Each jargon word found, with the words around it so the failure says where."""
    found = []
    for word in JARGON:
        for match in re.finditer(rf"\b{re.escape(word)}", text, flags=re.IGNORECASE):
            start, end = max(match.start() - 60, 0), match.end() + 60
            found.append(f"{word!r} in …{' '.join(text[start:end].split())}…")
    return found
