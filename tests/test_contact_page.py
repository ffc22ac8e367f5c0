"""The contact page a prospective client sees, and what the therapist can change about it in the admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.forms.models import AbstractEmailForm
from wagtail.models import Site
from wagtail.test.utils.form_data import querydict_from_html

from contact.models import ContactPage, EnquirySettings
from services.models import ServicePage
from tests.contact_helpers import CONTACT_URL, contact_page, send, valid_answers
from tests.helpers import json_ld_of_type, soup

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")


def service_options(response):
    fieldset = next(f for f in soup(response).find_all("fieldset") if "interested" in f.legend.get_text())
    return {radio["value"]: radio for radio in fieldset.find_all("input", type="radio")}


def test_contact_page_is_a_form_builder_page_at_contact(client, demo):
    page = contact_page()
    assert isinstance(page, AbstractEmailForm)
    assert page.url == CONTACT_URL
    assert client.get(CONTACT_URL).status_code == 200


def test_search_engines_are_told_it_is_the_practice_contact_page(client, demo):
    [contact] = json_ld_of_type(client.get(CONTACT_URL), "ContactPage")
    assert contact["url"] == contact_page().get_full_url()
    assert contact["about"] == {"@id": "http://testserver/#practice"}


def test_demo_creates_the_default_questions(demo):
    questions = {field.field_type: field for field in contact_page().form_fields.all()}
    assert set(questions) == {"name", "email", "phone", "radio", "service", "multiline", "consent"}
    assert not questions["phone"].required and not questions["multiline"].required
    assert questions["radio"].choices.splitlines() == ["E-mail", "Phone call", "Text message"]
    assert "no need to share details yet" in questions["multiline"].help_text.lower()


def test_service_choices_are_the_live_service_pages(client, demo):
    live = list(ServicePage.objects.live().order_by("path").values_list("slug", "title"))
    options = service_options(client.get(CONTACT_URL))
    assert list(options) == [slug for slug, _title in live] + ["not-sure"]
    assert not any(radio.has_attr("checked") for radio in options.values())

    ServicePage.objects.get(slug="walk-and-talk-therapy").unpublish()
    assert "walk-and-talk-therapy" not in service_options(client.get(CONTACT_URL))


def test_a_service_link_preselects_that_service(client, demo):
    options = service_options(client.get(CONTACT_URL + "?service=walk-and-talk-therapy"))
    assert [value for value, radio in options.items() if radio.has_attr("checked")] == ["walk-and-talk-therapy"]
    options = service_options(client.get(CONTACT_URL + "?service=<script>"))
    assert not any(radio.has_attr("checked") for radio in options.values())


def test_consent_box_is_required_unticked_names_health_and_links_to_the_privacy_notice(client, demo):
    page = soup(client.get(CONTACT_URL))
    box = page.find("input", type="checkbox")
    assert not box.has_attr("checked") and box.has_attr("required")
    label = page.find("label", attrs={"for": box["id"]}).get_text()
    assert "health" in label
    help_text = page.find(id=box["aria-describedby"])
    assert help_text.find("a")["href"] == "/privacy/"
    assert "deleted after 180 days (about six months)" in help_text.get_text()


def test_every_question_is_labelled_and_its_help_is_announced(client, demo):
    page = soup(client.get(CONTACT_URL))
    form = page.find("main").find("form")
    for control in form.find_all(["input", "textarea", "select"]):
        if control.get("type") in ("hidden",):
            continue
        assert form.find("label", attrs={"for": control["id"]}), control["name"]
        for described_by in (control.get("aria-describedby") or "").split():
            assert page.find(id=described_by), described_by
    assert not form.find(attrs={"tabindex": lambda value: value and int(value) > 0}), "no tab order tricks"
    assert "(optional)" in form.find("label", attrs={"for": "id_phone_number"}).get_text()


def test_spam_trap_is_hidden_from_people_and_screen_readers_but_labelled(client, demo):
    trap = soup(client.get(CONTACT_URL)).find(class_="honeypot")
    assert trap["aria-hidden"] == "true"
    box = trap.find("input")
    assert box["tabindex"] == "-1" and box["autocomplete"] == "off"
    assert trap.find("label", attrs={"for": box["id"]}).get_text() == "Leave this box empty"


@pytest.mark.parametrize("method", ["get", "invalid post", "valid post"])
def test_contact_page_is_never_cached(client, demo, method):
    if method == "get":
        response = client.get(CONTACT_URL)
    else:
        response = send(client, {} if method == "invalid post" else valid_answers())
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert "public" not in cache_control


def test_two_anonymous_visitors_never_share_a_rendered_form(client, demo):
    first = soup(client.get(CONTACT_URL)).find("input", attrs={"name": "submission-token"})["value"]
    second = soup(client.get(CONTACT_URL)).find("input", attrs={"name": "submission-token"})["value"]
    assert first != second


def add_services(numbers):
    index = ServicePage.objects.first().get_parent()
    for number in numbers:
        index.add_child(instance=ServicePage(title=f"Extra service {number}", slug=f"extra-{number}", summary="Extra."))


def test_contact_page_needs_few_queries_however_many_services(client, demo, django_assert_max_num_queries):
    client.get(CONTACT_URL)  # warm the per-process caches (content types, site root paths)
    with django_assert_max_num_queries(12):
        client.get(CONTACT_URL)
    # The first visit after a change rebuilds what later visits reuse (the
    # form, the site's data): its count must not grow with the services either.
    first_visit = []
    for numbers in (range(1), range(1, 6)):
        add_services(numbers)
        with CaptureQueriesContext(connection) as queries:
            client.get(CONTACT_URL)
        first_visit.append(len(queries))
    assert first_visit[0] == first_visit[1], first_visit
    with django_assert_max_num_queries(12):
        response = client.get(CONTACT_URL)
    assert "extra-5" in service_options(response)


def test_thank_you_page_says_what_happens_next_and_when(client, demo):
    response = send(client, valid_answers())
    text = soup(response).find("main").get_text(" ", strip=True)
    assert "your enquiry has been sent" in text
    assert "within two working days" in text
    assert "I have been feeling low" not in text, "the thank-you page does not repeat the message"


def test_therapist_edits_questions_and_texts_in_the_admin(editor_client, demo):
    page = contact_page()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = editor_client.get(edit_url)
    assert response.status_code == 200
    text = response.content.decode()
    for label in ("Questions on the form", "Thank-you message", "Send enquiries to", "If someone needs help now"):
        assert label in text

    data = querydict_from_html(text, form_id="page-edit-form")
    data["thank_you_text"] = "I will call you back within a day."
    total = int(data["form_fields-TOTAL_FORMS"])
    data.update({
        "form_fields-TOTAL_FORMS": str(total + 1),
        f"form_fields-{total}-label": "Best time to call",
        f"form_fields-{total}-field_type": "singleline",
        f"form_fields-{total}-ORDER": str(total + 1),
        f"form_fields-{total}-id": "",
        f"form_fields-{total}-required": "",
    })
    data["action-publish"] = "publish"
    response = editor_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    page = ContactPage.objects.get(pk=page.pk)
    assert page.thank_you_text == "I will call you back within a day."
    assert "Best time to call" in editor_client.get(CONTACT_URL).content.decode()


@pytest.mark.parametrize(("removed", "message"), [
    ("consent", "The form needs a question of the type “Consent box”"),
    ("email", "The form needs an “E-mail” or “Phone number” question"),
])
def test_the_form_cannot_lose_its_consent_box_or_every_way_to_reply(editor_client, demo, removed, message):
    page = contact_page()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(editor_client.get(edit_url).content.decode(), form_id="page-edit-form")
    for index in range(int(data["form_fields-TOTAL_FORMS"])):
        if data[f"form_fields-{index}-field_type"] in {removed, "phone" if removed == "email" else removed}:
            data[f"form_fields-{index}-DELETE"] = "1"
    data["action-publish"] = "publish"
    response = editor_client.post(edit_url, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert {field.field_type for field in contact_page().form_fields.all()} >= {"consent", "email", "phone"}


@pytest.mark.parametrize("mode", ["form", "landing"])
def test_therapist_can_preview_the_form_and_the_thank_you_page(demo, mode):
    response = contact_page().make_preview_request(preview_mode=mode)
    assert response.status_code == 200


def test_enquiry_settings_are_under_settings(editor_client, demo):
    site = Site.objects.get(is_default_site=True)
    settings = EnquirySettings.for_site(site)
    response = editor_client.get(reverse("wagtailsettings:edit", args=["contact", "enquirysettings", site.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Delete enquiries after (days)" in text
    assert "Put the visitor&#x27;s message in notification e-mails" in text or "Put the visitor's message" in text
    assert "5 enquiries per hour" in text
    assert settings.retention_days == 180 and settings.include_message_in_email is False
