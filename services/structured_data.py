"""schema.org Service for one service page, provided by the practice as a LocalBusiness, priced from the fees table."""

from home.structured_data import local_business
from practice.facts import facts_for_request

from .location import LocationKind


def service(page, practice, request):
    url = page.get_full_url(request)
    # An outdoor service meets in a park: the room's street address would only mislead.
    provider = local_business(practice, request, street_address=not page.hides_street_address)
    data = {
        "@type": "Service",
        "@id": f"{url}#service",
        "name": page.title,
        "url": url,
        "serviceType": "Counselling",
        "provider": provider,
    }
    description = page.get_meta_description()
    if description:
        data["description"] = description
    if practice.area_served:
        data["areaServed"] = practice.area_served
    channel = _channel(page, provider)
    if channel:
        data["availableChannel"] = channel
    offers = [
        {
            "@type": "Offer",
            "name": f"{line.way_of_meeting}, {line.length}",
            "price": f"{line.row.fee:.2f}",
            "priceCurrency": "GBP",
            "url": url,
        }
        for line in facts_for_request(request).fees_for(page)
    ]
    if offers:
        data["offers"] = offers
    return data


def _channel(page, provider):
    """How and where the service is delivered: the room, a video service, or a meeting place."""
    if page.location_kind == LocationKind.ONLINE and page.video_platform:
        return {"@type": "ServiceChannel", "name": f"Online sessions: {page.video_platform}"}
    if page.location_kind == LocationKind.OUTDOORS and page.meeting_point:
        place = {"@type": "Place", "name": page.meeting_point}
        if page.meeting_point_map:
            place["hasMap"] = page.meeting_point_map
        return {"@type": "ServiceChannel", "serviceLocation": place}
    if page.location_kind == LocationKind.ROOM and "address" in provider:
        return {"@type": "ServiceChannel", "serviceLocation": {"@type": "Place", "name": provider["name"], "address": provider["address"]}}
    return None
