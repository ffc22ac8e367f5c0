"""Practice facts as a visitor, a search engine and the therapist meet them:
fees, availability, memberships and opening hours, typed once and shown everywhere."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from practice.models import AvailabilitySettings, CredentialSettings, FeesSettings, ServiceFee
from tests.helpers import json_ld_of_type, soup

pytestmark = pytest.mark.django_db


def site():
    return Site.objects.get(is_default_site=True)


def text_of(response, selector="main"):
    return soup(response).select_one(selector).get_text(" ", strip=True)


# --- 1. Fees and practicalities ------------------------------------------------


def test_a_service_page_shows_its_fees_and_reduced_fee_places(client, demo):
    shown = text_of(client.get("/services/in-person-counselling/"))
    assert "In person: £60 for 50 minutes. Reduced-fee places from £35" in shown


def test_one_fee_changed_in_settings_changes_the_service_page_the_fees_page_and_the_json_ld(client, demo):
    row = ServiceFee.objects.get(service__slug="online-counselling")
    row.fee = "57.50"
    row.save()
    assert "Online: £57.50 for 50 minutes" in text_of(client.get("/services/online-counselling/"))
    assert "£57.50" in text_of(client.get("/fees/"), "table")
    [service] = json_ld_of_type(client.get("/services/online-counselling/"), "Service")
    assert service["offers"] == [{
        "@type": "Offer", "name": "Online, 50 minutes", "price": "57.50", "priceCurrency": "GBP",
        "url": "http://testserver/services/online-counselling/",
    }]


def test_the_fees_page_shows_every_fee_in_one_accessible_table_and_the_practicalities(client, demo):
    page = soup(client.get("/fees/"))
    table = page.find("table")
    assert table.caption.get_text(strip=True) == "Fees for each service"
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col"] * 5
    rows = table.tbody.find_all("tr")
    assert len(rows) == ServiceFee.objects.count() == 5
    assert all(tr.th["scope"] == "row" and tr.th.a for tr in rows)
    practicalities = page.select_one(".practicalities").get_text(" ", strip=True)
    assert "20 minutes, free" in practicalities
    assert "at least 48 hours before" in practicalities and "the full fee" in practicalities
    assert "bank transfer" in practicalities


def test_the_invitation_on_a_service_page_shows_that_services_fee(client, demo):
    invitation = text_of(client.get("/services/walk-and-talk-therapy/"), ".closing-cta")
    assert "£65 a session" in invitation


# --- 2. Availability ----------------------------------------------------------------


def set_availability(**values):
    settings = AvailabilitySettings.for_site(site())
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()


def test_the_status_shows_next_to_every_call_to_action_and_on_the_contact_page(client, demo):
    set_availability(status="waiting_list", waiting_weeks=4)
    for url in ("/", "/about/", "/services/online-counselling/", "/fees/"):
        assert "Waiting list: about 4 weeks" in text_of(client.get(url), ".closing-cta"), url
    assert "Waiting list: about 4 weeks" in text_of(client.get("/contact/"), ".availability-box")


def test_when_not_taking_new_clients_the_contact_form_says_so_before_anyone_types(client, demo):
    set_availability(status="not_taking", not_taking_message="I have no space until the spring.")
    page = soup(client.get("/contact/"))
    box = page.select_one(".availability-box")
    assert "Not taking new clients" in box.get_text() and "no space until the spring" in box.get_text()
    form = page.find("form", attrs={"aria-labelledby": "enquiry-form-title"})
    assert box.sourceline < form.sourceline, "the notice comes before the form"


def test_the_holiday_notice_appears_and_disappears_by_itself(client, demo):
    today = timezone.localdate()
    set_availability(holiday_starts=today + timedelta(days=3), holiday_ends=today + timedelta(days=9), holiday_notice_from=today)
    assert "Away " in text_of(client.get("/contact/"), ".availability-box")
    set_availability(holiday_starts=today - timedelta(days=9), holiday_ends=today - timedelta(days=1), holiday_notice_from=None)
    assert "Away " not in text_of(client.get("/contact/"), "main")


# --- 3. Memberships and registration ------------------------------------------------


def test_the_footer_and_about_page_show_each_membership_with_check_my_registration(client, demo):
    credential = CredentialSettings.for_site(site()).credentials.get()
    for url, where in (("/", "footer"), ("/about/", "main")):
        area = soup(client.get(url)).select_one(where)
        link = next((a for a in area.find_all("a") if "Check my registration" in a.get_text()), None)
        assert link is not None and link["href"] == credential.register_url, url
        shown = area.get_text(" ", strip=True)
        assert "Registered Member MBACP, British Association for Counselling and Psychotherapy (BACP)" in shown
        assert "ZB123456" in shown, "the ICO registration"
    assert "(BACP) (no." not in text_of(client.get("/"), "footer")


def test_a_membership_past_its_renewal_date_stops_showing_until_it_is_updated(client, demo):
    credential = CredentialSettings.for_site(site()).credentials.get()
    credential.renews_on = timezone.localdate() - timedelta(days=1)
    credential.save()
    assert "Check my registration" not in text_of(client.get("/"), "footer")
    [person] = json_ld_of_type(client.get("/"), "Person")
    assert "memberOf" not in person and "hasCredential" not in person
    credential.renews_on = timezone.localdate() + timedelta(days=365)
    credential.save()
    assert "Check my registration" in text_of(client.get("/"), "footer")


def test_the_dashboard_warns_30_days_before_a_renewal(editor_client, demo):
    panel = soup(editor_client.get(reverse("wagtailadmin_home"))).find(id="practice-renewals-heading").find_parent("section")
    assert "Registered Member MBACP, BACP" in panel.get_text() and "in 20 days" in panel.get_text()
    credential = CredentialSettings.for_site(site()).credentials.get()
    credential.renews_on = timezone.localdate() + timedelta(days=31)
    credential.save()
    assert soup(editor_client.get(reverse("wagtailadmin_home"))).find(id="practice-renewals-heading") is None


# --- Opening hours --------------------------------------------------------------------


def test_visitors_and_search_engines_read_the_same_opening_hours(client, demo):
    response = client.get("/")
    footer = soup(response).find(id="footer-hours").find_parent("section").get_text(" ", strip=True)
    for line in ("Monday to Thursday: 9am to 8pm", "Friday: 9am to 3pm", "Saturday and Sunday: closed"):
        assert line in footer
    [business] = json_ld_of_type(response, "LocalBusiness")
    assert business["openingHoursSpecification"] == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": [f"https://schema.org/{d}" for d in ("Monday", "Tuesday", "Wednesday", "Thursday")],
         "opens": "09:00", "closes": "20:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": ["https://schema.org/Friday"], "opens": "09:00", "closes": "15:00"},
    ]
    assert business["priceRange"] == "£55–£65"


# --- 5. Editors cannot save a broken fee, date or register link ------------------------------


def settings_url(model):
    return reverse("wagtailsettings:edit", args=["practice", model._meta.model_name, site().pk])


def field_error(response, name):
    """The error message shown next to the field called ``name``."""
    page = soup(response)
    field = page.find(attrs={"name": name})
    assert field is not None, name
    wrapper = field.find_parent(attrs={"data-field-wrapper": True}) or field.find_parent(class_="w-field__wrapper")
    error = wrapper.find(class_="error-message") if wrapper else None
    return error.get_text(" ", strip=True) if error else ""


def fees_form(fee="60", reduced="none", reduced_from="", minutes="50"):
    service = ServiceFee.objects.first().service_id
    return nested_form_data({
        "intro_call_minutes": "20", "intro_call_fee": "0", "how_to_pay": "Bank transfer",
        "cancellation_notice_hours": "48", "cancellation_charge": "full",
        "fees": inline_formset([{
            "service": service, "way_of_meeting": "in_person", "session_minutes": minutes, "fee": fee,
            "reduced_fees": reduced, "reduced_fee_from": reduced_from,
        }]),
    })


@pytest.mark.parametrize(("form", "field", "message"), [
    (fees_form, {"fee": "sixty"}, "Enter a number"),
    (fees_form, {"fee": "-5"}, "greater than or equal to 0"),
    (fees_form, {"reduced": "from", "reduced_from": "70"}, "lower than the full fee"),
    (fees_form, {"reduced": "from", "reduced_from": ""}, "lowest reduced fee"),
])
def test_a_broken_fee_is_refused_next_to_the_field(editor_client, demo, form, field, message):
    response = editor_client.post(settings_url(FeesSettings), form(**field))
    assert response.status_code == 200
    name = "fees-0-fee" if "fee" in field else "fees-0-reduced_fee_from"
    assert message in field_error(response, name)
    assert ServiceFee.objects.filter(fee=60).exists(), "nothing was saved"


def credentials_form(**changes):
    today = timezone.localdate()
    row = {
        "body_name": "British Association for Counselling and Psychotherapy", "body_abbreviation": "BACP",
        "body_url": "https://www.bacp.co.uk/", "grade": "Registered Member MBACP", "register_number": "123456",
        "register_url": "https://www.bacp.co.uk/search/Register?RegisterNumber=123456", "accredited_register": "on",
        "renews_on": (today + timedelta(days=300)).isoformat(), "last_checked_on": today.isoformat(), "logo": "", "logo_wording": "",
    }
    row.update(changes)
    return nested_form_data({"ico_number": "ZB123456", "ico_renews_on": (today + timedelta(days=200)).isoformat(), "credentials": inline_formset([row])})


@pytest.mark.parametrize(("changes", "name", "message"), [
    ({"register_url": "https://example.com/me"}, "credentials-0-register_url", "not to the professional body's website"),
    ({"register_url": "http://www.bacp.co.uk/register"}, "credentials-0-register_url", "https://"),
    ({"register_url": "bacp register"}, "credentials-0-register_url", "Enter a valid URL"),
    ({"renews_on": "31/02/2027"}, "credentials-0-renews_on", "Enter a valid date"),
    ({"last_checked_on": (timezone.localdate() + timedelta(days=5)).isoformat()}, "credentials-0-last_checked_on", "in the future"),
])
def test_a_broken_register_link_or_date_is_refused_next_to_the_field(editor_client, demo, changes, name, message):
    response = editor_client.post(settings_url(CredentialSettings), credentials_form(**changes))
    assert response.status_code == 200
    assert message in field_error(response, name)


def test_a_good_membership_form_saves(editor_client, demo):
    response = editor_client.post(settings_url(CredentialSettings), credentials_form(grade="Accredited Member MBACP (Accred)"))
    assert response.status_code == 302
    assert "Accredited Member MBACP (Accred)" in text_of(editor_client.get("/"), "footer")


def test_an_ico_number_in_the_wrong_form_is_refused(editor_client, demo):
    form = credentials_form()
    form["ico_number"] = "12345"
    response = editor_client.post(settings_url(CredentialSettings), form)
    assert "for example ZA123456" in field_error(response, "ico_number")


# --- 6. Demo content shows every state -------------------------------------------------------


def test_demo_shows_reduced_fees_a_holiday_to_come_and_a_renewal_in_20_days(demo):
    today = timezone.localdate()
    assert ServiceFee.objects.filter(reduced_fees="from").count() >= 1
    availability = AvailabilitySettings.for_site(site())
    assert availability.holiday_starts > today and availability.holiday_notice_from <= today
    [credential] = CredentialSettings.for_site(site()).credentials.all()
    assert credential.renews_on == today + timedelta(days=20)
