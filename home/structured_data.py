"""schema.org JSON-LD builders shared by every page type.

Each returns a plain dict; templates print them with the ``json_ld`` filter,
which escapes ``<``, ``>`` and ``&`` so no content can close the script tag.
"""

import re
from html import unescape

from django.utils.html import strip_tags

from home.visibility import routed_trail

_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|blockquote)>|<br\s*/?>", re.IGNORECASE)


def absolute(request, url):
    return request.build_absolute_uri(url) if request and url and url.startswith("/") else url


def practice_id(request):
    return absolute(request, "/#practice")


def person_id(request):
    return absolute(request, "/#therapist")


def local_business(practice, request):
    """The practice as a LocalBusiness: a counsellor is not a clinic, so no medical type."""
    data = {
        "@type": "LocalBusiness",
        "@id": practice_id(request),
        "name": practice.practice_name,
        "url": absolute(request, "/"),
    }
    if practice.tagline:
        data["description"] = practice.tagline
    if practice.phone:
        data["telephone"] = practice.phone
    if practice.email:
        data["email"] = practice.email
    if practice.street_address or practice.locality:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": practice.street_address,
            "addressLocality": practice.locality,
            "addressRegion": practice.region,
            "postalCode": practice.postcode,
            "addressCountry": practice.country,
        }
    if practice.area_served:
        data["areaServed"] = practice.area_served
    if practice.opening_hours_spec:
        data["openingHours"] = [part.strip() for part in practice.opening_hours_spec.split(",") if part.strip()]
    if practice.therapist_name:
        data["founder"] = {"@id": person_id(request)}
    return data


def person(practice, request):
    """The counsellor, with the professional membership a client can check."""
    data = {
        "@type": "Person",
        "@id": person_id(request),
        "name": practice.therapist_name,
        "jobTitle": practice.therapist_role,
        "worksFor": {"@id": practice_id(request)},
    }
    if practice.professional_body:
        membership = {"@type": "Organization", "name": practice.professional_body}
        if practice.register_url:
            membership["url"] = practice.register_url
        data["memberOf"] = membership
    if practice.register_url:
        data["sameAs"] = [practice.register_url]
    return data


def breadcrumbs(page, request):
    """BreadcrumbList from the site root down to this page."""
    trail = routed_trail(page) or [p for p in page.get_ancestors(inclusive=True).specific(defer=True) if p.depth > 1]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": index, "name": crumb.title, "item": crumb.get_full_url(request)}
            for index, crumb in enumerate(trail, start=1)
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
