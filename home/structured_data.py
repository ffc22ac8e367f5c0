"""schema.org JSON-LD builders shared by every page type.

Each returns a plain dict; templates print them with the ``json_ld`` filter,
which escapes ``<``, ``>`` and ``&`` so no content can close the script tag.
"""

import re
from html import unescape

from django.utils.html import strip_tags

from home import public_url
from practice.facts import facts_for_request
from practice.models import Weekday

SHARE_RENDITION = "fill-1200x630|format-jpeg"
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|blockquote)>|<br\s*/?>", re.IGNORECASE)


def absolute(request, url):
    """On the site's one public address (PUBLIC_URL), whatever host the request came to."""
    return public_url.absolute(url)


def practice_id(request):
    return absolute(request, "/#practice")


def person_id(request):
    return absolute(request, "/#therapist")


def local_business(practice, request, street_address=True, with_image=True):
    """The practice as a LocalBusiness, built from the practice details and facts.

    LocalBusiness, not MedicalBusiness: a counsellor is not a medical clinic,
    and a medical type would claim more than the practice offers.
    ``street_address=False`` (walk-and-talk pages) keeps only the town: no street, postcode or map position.
    """
    facts = facts_for_request(request)
    data = {
        "@type": "LocalBusiness",
        "@id": practice_id(request),
        "name": practice.practice_name,
        "url": absolute(request, "/"),
    }
    if practice.tagline:
        data["description"] = practice.tagline
    if with_image and practice.share_image:  # a rendition lookup: pages near their query budget leave it out
        data["image"] = absolute(request, practice.share_image.get_rendition(SHARE_RENDITION).url)
    if practice.phone:
        data["telephone"] = practice.phone
    if practice.email:
        data["email"] = practice.email
    if practice.street_address or practice.locality:
        address = {"@type": "PostalAddress"}
        if street_address:
            address.update(streetAddress=practice.street_address, postalCode=practice.postcode)
        address.update(addressLocality=practice.locality, addressRegion=practice.region, addressCountry=practice.country)
        data["address"] = {key: value for key, value in address.items() if value}
    if street_address and practice.latitude is not None and practice.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": float(practice.latitude), "longitude": float(practice.longitude)}
    if practice.area_served:
        data["areaServed"] = practice.area_served
    hours = opening_hours(facts)
    if hours:
        data["openingHoursSpecification"] = hours
    if facts.price_range:
        data["priceRange"] = facts.price_range
    if practice.therapist_name:
        data["founder"] = {"@id": person_id(request)}
    return data


def opening_hours(facts):
    """openingHoursSpecification from the same rows the footer prints."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{Weekday(day).label}" for day in row.days],
            "opens": row.opens.strftime("%H:%M"),
            "closes": row.closes.strftime("%H:%M"),
        }
        for row in facts.opening_hours
    ]


def person(practice, request, url=None):
    """The counsellor: current memberships only, each a body a client can look up."""
    facts = facts_for_request(request)
    data = {
        "@type": "Person",
        "@id": person_id(request),
        "name": practice.therapist_name,
        "jobTitle": practice.therapist_role,
        "worksFor": {"@id": practice_id(request)},
    }
    if url:
        data["url"] = url
    credentials = facts.credentials
    if credentials:
        data["memberOf"] = [organization(credential) for credential in credentials]
        data["identifier"] = [
            {"@type": "PropertyValue", "propertyID": f"{credential.body_abbreviation or credential.body_name} membership number",
             "value": credential.register_number}
            for credential in credentials
        ]
        data["hasCredential"] = [
            {
                "@type": "EducationalOccupationalCredential",
                "name": credential.grade,
                "credentialCategory": "Professional membership",
                "recognizedBy": organization(credential),
                "url": credential.register_url,
            }
            for credential in credentials
        ]
        data["sameAs"] = [credential.register_url for credential in credentials]
    return data


def organization(credential):
    return {"@type": "Organization", "name": credential.body_name, "url": credential.body_url}


def breadcrumb_names(page):
    """(name, page) along ``page.breadcrumb_trail``; the first is always called "Home"."""
    return [("Home" if index == 0 else crumb.title, crumb) for index, crumb in enumerate(page.breadcrumb_trail)]


def breadcrumbs(page, request):
    """BreadcrumbList from the site root down to this page (the trail the breadcrumb shows)."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": index, "name": name, "item": crumb.get_full_url(request)}
            for index, (name, crumb) in enumerate(breadcrumb_names(page), start=1)
        ],
    }


def plain_text(html):
    """Text as a reader sees it: paragraphs and list items stay apart, entities decoded."""
    spaced = _BLOCK_END.sub(lambda match: match.group(0) + " ", html)
    return " ".join(unescape(strip_tags(spaced)).split())


def faq_page(pairs):
    """One FAQPage for all question/answer pairs of a page; text as shown."""
    return {
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(answer_html)},
            }
            for question, answer_html in pairs
        ],
    }


def graph(*items):
    """Wrap objects in one @graph so the page carries a single JSON-LD script."""
    return {"@context": "https://schema.org", "@graph": [item for item in items if item]}
