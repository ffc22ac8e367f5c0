"""Order and counts that stay true (issue 12, point 10): what the therapist sets once
(the order of services, how many there are, the opening hours, how long enquiries
are kept) is what every page says, and a meeting point never gives a street address."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from booking.models import BookingPage
from contact.models import ContactPage, EnquirySettings
from practice.models import AvailabilitySettings, OpeningHours
from services.models import ServiceIndexPage, ServicePage
from tests.helpers import form_data, json_ld_of_type, soup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def site():
    return Site.objects.get(is_default_site=True)


# --- Services open in site order, ready to drag -----------------------------------------


def test_the_services_listing_opens_in_site_order_with_drag_handles(editor_client, demo):
    index = ServiceIndexPage.objects.get()
    last = ServicePage.objects.get(slug="neurodiverse-counselling")
    last.save_revision().publish()  # the most recently edited: first in Wagtail's usual order
    response = editor_client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    page = soup(response)
    rows = page.select("tbody tr")
    titles = [row.select_one(".title-wrapper a, .title a").get_text(" ", strip=True) for row in rows]
    assert [t.split(" ")[0] for t in titles] == ["In-person", "Online", "Walk", "Neurodiverse"], titles
    assert page.find(attrs={"data-controller": "w-orderable"}), "the table can be reordered"
    handles = page.select("[data-w-orderable-target=handle]")
    assert len(handles) == len(rows), "every service has a drag handle"


def test_other_listings_keep_wagtails_usual_order(editor_client, demo):
    blog = ServiceIndexPage.objects.get().get_parent().get_children().get(slug="blog")
    response = editor_client.get(reverse("wagtailadmin_explore", args=[blog.pk]))
    assert not soup(response).find(attrs={"data-controller": "w-orderable"})


# --- Texts that count services ----------------------------------------------------------


def lead_text(client):
    return soup(client.get("/services/")).select_one(".page-header").get_text(" ", strip=True)


def test_the_number_of_ways_to_meet_follows_the_live_services(client, demo):
    assert "Four ways to meet" in lead_text(client)
    ServicePage.objects.get(slug="walk-and-talk-therapy").unpublish()
    assert "Three ways to meet" in lead_text(client)
    assert "Four" not in lead_text(client)
    caption = soup(client.get("/services/")).select_one("main table caption").get_text(strip=True)
    assert caption.startswith("The three ways to meet"), caption


# --- Opening hours for search engines ---------------------------------------------------


def availability_url():
    return reverse("wagtailsettings:edit", args=["practice", "availabilitysettings", site().pk])


def availability_form(*rows):
    """The settings form as saved in the admin: the hours there now removed, ``rows`` in their place."""
    existing = OpeningHours.objects.filter(settings=AvailabilitySettings.for_site(site()))
    removed = [{"id": row.pk, "first_day": row.first_day, "last_day": row.last_day or "", "opens": row.opens,
                "closes": row.closes, "DELETE": "1"} for row in existing]
    added = [{"id": "", "first_day": first, "last_day": last, "opens": opens, "closes": closes}
             for first, last, opens, closes in rows]
    return nested_form_data({
        "status": "taking", "waiting_weeks": "", "not_taking_message": "Not now.",
        "holiday_starts": "", "holiday_ends": "", "holiday_notice_from": "", "holiday_message": "",
        "opening_hours": inline_formset(removed + added, initial=len(removed)),
    })


def hours_in_json_ld():
    [business] = json_ld_of_type(Client().get("/"), "LocalBusiness")
    return business["openingHoursSpecification"]


@pytest.mark.parametrize(("rows", "message"), [
    ((("0", "3", "09:00", "20:00"), ("2", "", "10:00", "12:00")), "Wednesday is given twice"),
    ((("0", "", "18:00", "09:00"),), "Closing time must be later"),
    ((("4", "1", "09:00", "17:00"),), "The last day must come after"),
    ((("0", "", "9 till 5", "17:00"),), "Enter a valid time"),
])
def test_broken_opening_hours_are_refused_and_search_engines_keep_the_old_ones(editor_client, demo, rows, message):
    before = hours_in_json_ld()
    response = editor_client.post(availability_url(), availability_form(*rows))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert hours_in_json_ld() == before


def test_good_opening_hours_reach_visitors_and_search_engines_alike(editor_client, demo):
    response = editor_client.post(availability_url(), availability_form(
        ("0", "", "09:00", "12:00"), ("0", "", "14:00", "18:00"), ("5", "", "10:00", "13:00"),
    ))
    assert response.status_code == 302
    assert OpeningHours.objects.filter(settings=AvailabilitySettings.for_site(site())).count() == 3
    assert [(spec["dayOfWeek"], spec["opens"], spec["closes"]) for spec in hours_in_json_ld()] == [
        (["https://schema.org/Monday"], "09:00", "12:00"),
        (["https://schema.org/Monday"], "14:00", "18:00"),
        (["https://schema.org/Saturday"], "10:00", "13:00"),
    ]
    footer = soup(Client().get("/")).find(id="footer-hours").find_parent("section").get_text(" ", strip=True)
    assert "Monday: 9am to 12pm" in footer and "Saturday: 10am to 1pm" in footer


# --- A walk-and-talk meeting point names a place, never a street address ----------------


def meeting_point_error(text):
    page = ServicePage.objects.get(slug="walk-and-talk-therapy")
    page.meeting_point = text
    try:
        page.full_clean()
    except ValidationError as error:
        return " ".join(error.message_dict.get("meeting_point", []))
    return ""


@pytest.mark.parametrize("text", [
    "12 Park Road",
    "Flat 3, Montpellier Court",
    "outside 47 Suffolk Parade",
    "the corner of Albion Street",
    "Evesham Road, by the bus stop",
    "14a Pittville Lawn",
    "Apartment 2, The Quadrangle",
    "By the gate on Tommy Taylor's Lane",
    "GL52 3JE",
    "5 Montpellier Gardens",
])
def test_a_street_address_as_a_meeting_point_is_refused(demo, text):
    assert "street" in meeting_point_error(text), text


@pytest.mark.parametrize("text", [
    "the main gate of Pittville Park",
    "the café by the lake",
    "Pittville Park, by the boating lake",
    "Cox's Meadow, by the footbridge",
    "Sandford Park, by the lido gates",
    "the bandstand in Montpellier Gardens",
    "Leckhampton Hill car park, by the noticeboard",
    "the way in from the pump room",
    "Gate 2, Pittville Park",
])
def test_a_park_or_open_space_is_accepted_as_a_meeting_point(demo, text):
    assert meeting_point_error(text) == "", text


def test_a_street_address_is_refused_next_to_the_field_in_the_admin(editor_client, demo):
    index = ServiceIndexPage.objects.get()
    response = editor_client.post(reverse("wagtailadmin_pages:add", args=["services", "servicepage", index.pk]), nested_form_data({
        "title": "Walks by the river", "slug": "walks-by-the-river", "summary": "Sessions on the move.",
        "location_kind": "outdoors", "meeting_point": "12 Park Road", "body": streamfield([]),
    }))
    assert response.status_code == 200
    field = soup(response).find(attrs={"name": "meeting_point"}).find_parent(attrs={"data-field-wrapper": True})
    assert "street address" in field.get_text(" ", strip=True)
    assert not ServicePage.objects.filter(slug="walks-by-the-river").exists()


# --- The consent text follows the retention period --------------------------------------


def consent_text(client, url):
    """The consent question as a visitor reads it: the box's label and the note under it."""
    boxes = [box.find_parent(class_="form-field") for box in soup(client.get(url)).find_all("input", type="checkbox")]
    [consent] = [box for box in boxes if box.label.get_text().startswith("I agree")]
    return consent.get_text(" ", strip=True)


def test_the_contact_forms_consent_text_says_how_long_enquiries_are_kept(client, demo):
    assert "180 days" in consent_text(client, "/contact/")
    settings = EnquirySettings.for_site(site())
    settings.retention_days = 90
    settings.save()
    shown = consent_text(client, "/contact/")
    assert "90 days" in shown and "180" not in shown and "six months" not in shown


def test_the_booking_forms_consent_text_says_how_long_requests_are_kept(client, demo):
    booking = BookingPage.objects.get()
    assert f"{booking.keep_days} days after the call" in consent_text(client, booking.url)
    booking.keep_days = 30
    booking.save_revision().publish()
    assert "30 days after the call" in consent_text(client, booking.url)


def test_a_retention_period_typed_into_the_consent_help_text_is_refused(editor_client, demo):
    contact = ContactPage.objects.get()
    edit_url = reverse("wagtailadmin_pages:edit", args=[contact.pk])
    data = form_data(editor_client.get(edit_url), form_id="page-edit-form")
    consent = next(key for key, value in data.items() if key.endswith("-field_type") and value == ["consent"])
    data[consent.replace("field_type", "help_text")] = ["It is deleted after six months."]
    response = editor_client.post(edit_url, data)
    assert response.status_code == 200
    assert "Settings › Enquiry settings" in response.content.decode()
