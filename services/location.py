"""Where a service happens, and the checks that keep each kind of place honest."""

import re
from urllib.parse import urlsplit

from django.db import models


class LocationKind(models.TextChoices):
    ROOM = "room", "In your practice room"
    ONLINE = "online", "Online, by video"
    OUTDOORS = "outdoors", "Outdoors, in a park or open space"


# A UK postcode anywhere in the text ("GL50 2AE", "gl502ae"): an outdoor
# meeting point names an area, never a street address a stranger could use.
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)

# A street address without a postcode: a house number before a name ("12 Park
# Road", "14a Pittville Lawn"), a flat or apartment number, or a name ending in
# a word that only streets end in ("Albion Street"). Gardens, Place, Way, Walk
# and the like also name parks and paths ("Montpellier Gardens"), so they count
# only after a house number; lower-case words ("the way in") never do.
_HOUSE_NUMBER = re.compile(r"\b\d{1,4}[a-z]?\s+[A-Z][\w'’-]*")
_FLAT = re.compile(r"\b(?:flat|apartment|apt|unit|maisonette)\.?\s*\d", re.IGNORECASE)
_STREET_ONLY_WORDS = r"Road|Rd|Street|Avenue|Ave|Lane|Close|Drive|Terrace|Crescent|Parade|Mews"
_STREET = re.compile(rf"\b[A-Z][\w'’.-]*\s+(?i:{_STREET_ONLY_WORDS})\b")
_STREET_ADDRESS = (_POSTCODE, _HOUSE_NUMBER, _FLAT, _STREET)


def looks_like_street_address(text):
    return any(pattern.search(text) for pattern in _STREET_ADDRESS)


def location_errors(page):
    """Field errors for the "Where you meet" panel, as a dict for ValidationError."""
    errors = {}
    if page.location_kind == LocationKind.ONLINE and not page.video_platform.strip():
        errors["video_platform"] = "Say how online sessions happen, for example “Zoom” or “a video call by Signal”."
    if page.location_kind == LocationKind.OUTDOORS:
        if not page.meeting_point.strip():
            errors["meeting_point"] = "Name the park or area where you meet, for example “Pittville Park, by the boating lake”."
        elif looks_like_street_address(page.meeting_point):
            errors["meeting_point"] = (
                "Please name a park or open space rather than a street address, for example "
                "“the main gate of Pittville Park”: the page is public, and a general place keeps sessions private."
            )
    return errors


def map_link_label(url):
    """Link text that tells the visitor which site a map link opens before they follow it."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    if host == "openstreetmap.org":
        return "Open the meeting point on OpenStreetMap"
    return f"Open the meeting point on a map ({host})" if host else "Open the meeting point on a map"
