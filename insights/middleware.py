"""Counts public page views into daily totals, before the page cache answers.

It sits outside the page cache so that a page served from the cache is still
counted, and it adds nothing to the response: no cookie, no header, so cached
pages stay cacheable. Not counted: signed-in editors (they carry a session
cookie), the admin and previews, robots, visitors whose browser sends
Global Privacy Control or Do Not Track, and anything but a page shown in full.
"""

import logging

from django.conf import settings
from django.utils import timezone

from . import classify, tally
from .models import LeadDay, PageViewDay, SearchMissDay

logger = logging.getLogger(__name__)

# Views that know more than the response shows set these on the request:
# the search view the words of a search that found nothing, the contact and
# booking views the page a new enquiry or call request started from.
SEARCH_FOUND_NOTHING = "insights_search_found_nothing"
LEAD = "insights_lead"


class InsightsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.INSIGHTS_ENABLED:
            try:
                count(request, response)
            except Exception:  # noqa: BLE001 - a failure to count never breaks a page
                logger.warning("Insights: a page view could not be counted.", exc_info=True)
        return response


def count(request, response):
    if classify.opted_out(request) or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if classify.is_robot(user_agent):
        return
    day = timezone.localdate()
    lead = getattr(request, LEAD, None)
    if lead and request.method == "POST":
        kind, from_path = lead
        path = classify.page_path(from_path or "") or ""
        tally.add(LeadDay, "leads", day=day, path=path, kind=kind)
    if request.method != "GET" or response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
        return
    path = classify.page_path(request.path)
    if path is None:
        return
    missed = getattr(request, SEARCH_FOUND_NOTHING, None)
    if missed:
        terms = classify.clean_text(missed, 100).lower()
        if terms and not classify.identifies_someone(terms):
            tally.add(SearchMissDay, "searches", day=day, terms=terms)
    tally.add(
        PageViewDay, "views", day=day, path=path,
        referrer=classify.referrer_host(request.META.get("HTTP_REFERER", ""), request.get_host()),
        device=classify.device(user_agent),
        service=classify.service_slug(request.GET.get("service")),
    )
