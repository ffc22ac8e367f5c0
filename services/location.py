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


def location_errors(page):
    """Field errors for the "Where you meet" panel, as a dict for ValidationError."""
    errors = {}
    if page.location_kind == LocationKind.ONLINE and not page.video_platform.strip():
        errors["video_platform"] = "Say how online sessions happen, for example “Zoom” or “a video call by Signal”."
    if page.location_kind == LocationKind.OUTDOORS:
        if not page.meeting_point.strip():
            errors["meeting_point"] = "Name the park or area where you meet, for example “Pittville Park, by the boating lake”."
        elif _POSTCODE.search(page.meeting_point):
            errors["meeting_point"] = (
                "Please name a park or area rather than a street address with a postcode: "
                "the page is public, and a general place keeps sessions private."
            )
    return errors


def map_link_label(url):
    """Link text that tells the visitor which site a map link opens before they follow it."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    if host == "openstreetmap.org":
        return "Open the meeting point on OpenStreetMap"
    return f"Open the meeting point on a map ({host})" if host else "Open the meeting point on a map"
