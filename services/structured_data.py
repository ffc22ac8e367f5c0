"""schema.org Service for one service page, provided by the practice as a LocalBusiness."""

from home.structured_data import local_business

from .location import LocationKind


def service(page, practice, request):
    url = page.get_full_url(request)
    provider = local_business(practice, request)
    if page.hides_street_address:
        # An outdoor service meets in a park: the room's address would only mislead.
        provider.pop("address", None)
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
    if page.fee is not None:
        offer = {"@type": "Offer", "price": f"{page.fee:.2f}", "priceCurrency": "GBP"}
        if page.fee_note:
            offer["description"] = page.fee_note
        data["offers"] = offer
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
