"""Which page a visitor was reading before they opened a form, for the "pages that led to
an enquiry" figures in Insights.

Only the path of a page on this site is carried, in a hidden field of the form
itself (no cookie, nothing stored with the enquiry); the form's view hands it
to the insights counter when the enquiry or request is stored.
"""

from urllib.parse import urlsplit

MAX_LENGTH = 200
LEAD = "insights_lead"  # the request attribute insights.middleware reads


def came_from(request):
    """The path of the page on this site that linked here (from the Referer header), or ""."""
    try:
        parts = urlsplit(request.META.get("HTTP_REFERER", "")[:2000])
        own_host = request.get_host()
    except Exception:  # noqa: BLE001 - an odd header or host means "not known"
        return ""
    if parts.netloc != own_host or parts.path == request.path:
        return ""
    return parts.path[:MAX_LENGTH]


def submitted_from(request):
    """The path the form carried back, if it is a plain path on this site."""
    path = request.POST.get("came_from", "")[:MAX_LENGTH]
    return path if path.startswith("/") and not path.startswith("//") and "\\" not in path else ""


def count_lead(request, kind):
    """Tell the insights counter that a form of ``kind`` ("enquiry" or "booking") was stored."""
    setattr(request, LEAD, (kind, submitted_from(request)))
