"""Turn a request into the coarse labels that are counted, and nothing finer.

The user-agent string is read here to tell a phone from a computer and a
person from a robot, then dropped: it is never stored. The referrer is cut
down to the referring site's host name.
"""

import re
import unicodedata
from urllib.parse import urlsplit

# Crawlers, link previews, monitors, scripts and headless browsers: their
# visits say nothing about what people read.
_ROBOT = re.compile(
    r"bot|crawl|spider|slurp|archiver|fetch|preview|monitor|uptime|scan|check|lighthouse|headless|phantom|"
    r"curl|wget|python|httpx|aiohttp|okhttp|axios|node|java/|go-http|libwww|perl|ruby|php|scrapy|feed|rss|"
    r"facebookexternalhit|embedly|whatsapp|telegram|discord|slack|skype",
    re.IGNORECASE,
)
_HOST = re.compile(r"^[a-z0-9.-]{1,100}$")
# A name a public site can have: dot-separated labels of letters, digits and
# inner hyphens, ending in a top-level domain of letters (or its xn-- form).
# Rules out IP addresses, "localhost" and other names no link on the web comes from.
_PUBLIC_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
# Stands for "a value not named one by one" (see bounds.py). No host name,
# service slug or page path that is kept can be "*".
OTHER = "*"
_SERVICE = re.compile(r"^[a-z0-9-]{1,60}$")
# Search words that could name a person: an e-mail address, a phone number or a long run of digits.
_EMAIL = re.compile(r"\S+@\S+")
_PHONE = re.compile(r"(?:\+|\b)\d[\d\s().-]{6,}\d")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")

# Paths that are never pages a visitor reads.
_NOT_PAGES = ("/admin/", "/django-admin/", "/static/", "/media/", "/documents/", "/insights/", "/cms/")
MAX_USER_AGENT = 512


def opted_out(request):
    """Visitors who ask browsers to signal "do not track" or Global Privacy Control are not counted."""
    return request.META.get("HTTP_SEC_GPC", "").strip() == "1" or request.META.get("HTTP_DNT", "").strip() == "1"


def is_robot(user_agent):
    # Real browsers send a modest string; anything empty or huge is not a person's browser.
    return not user_agent or len(user_agent) > MAX_USER_AGENT or "Mozilla/" not in user_agent or bool(_ROBOT.search(user_agent))


def device(user_agent):
    if "iPad" in user_agent or "Tablet" in user_agent or ("Android" in user_agent and "Mobile" not in user_agent):
        return "tablet"
    if "Mobi" in user_agent or "iPhone" in user_agent or "Android" in user_agent:
        return "phone"
    return "desktop"


def referrer_host(referer, own_host):
    """The referring site's host name ("duckduckgo.com"); "" for none, this site, an app or anything
    unreadable; OTHER for a name no public site has."""
    try:
        parts = urlsplit(referer[:2000])
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not host:
        return ""
    host = host.removeprefix("www.")
    own = (own_host or "").lower().split(":")[0].removeprefix("www.")
    if host == own:
        return ""
    return host if _HOST.match(host) and _PUBLIC_HOST.match(host) else OTHER


def page_path(path):
    """The path only (the query string is already gone), or None for what is not a page."""
    if len(path) > 200 or path.startswith(_NOT_PAGES) or not path.startswith("/"):
        return None
    return path


def service_slug(value):
    """The service a call-to-action link carried (?service=walk-and-talk), if it looks like one."""
    value = (value or "").strip().lower()
    return value if _SERVICE.match(value) else ""


def clean_text(text, limit):
    """Normalised text without control characters, cut to ``limit`` characters."""
    text = unicodedata.normalize("NFC", text or "")
    return " ".join(_CONTROL.sub(" ", text).split())[:limit]


def identifies_someone(text):
    return bool(_EMAIL.search(text) or _PHONE.search(text))


def scrub(text):
    """A reader's note with any e-mail address or phone number taken out."""
    return _PHONE.sub("[number removed]", _EMAIL.sub("[address removed]", text))
