"""Bad input gets the form back with a clear message beside the field and the text kept; nothing gives a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contact.fields import MESSAGE_MAX_LENGTH
from contact.forms import FIELD_TYPE_CHOICES
from contact.models import ContactFormField
from tests.contact_helpers import contact_page, field_name, send, stored, valid_answers
from tests.helpers import soup

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")


def problem_with(response, name):
    """The message beside field ``name``, checked to be announced with the field and listed in the summary."""
    page = soup(response)
    control = page.find(attrs={"name": name})
    field = control.find_parent(class_="form-field")
    message = field.find(class_="error")
    described = (control.get("aria-describedby") or control.find_parent("fieldset").get("aria-describedby")).split()
    assert message["id"] in described, "screen readers hear the message with the field"
    summary_links = [a["href"] for a in page.find(class_="error-summary").find_all("a")]
    assert f"#{control['id']}" in summary_links, "the summary at the top links to the field"
    assert page.title.get_text().startswith("Error:")
    return message.get_text(" ", strip=True)


@pytest.mark.parametrize(("kind", "value", "expected"), [
    ("name", "", "Fill in “Your name”"),
    ("name", "   \n\t ", "Fill in “Your name”"),
    ("email", "sam-at-example", "Enter an e-mail address in the form name@example.com"),
    ("email", "sam@example.org\nBcc: everyone@example.org", "Enter an e-mail address"),
    ("phone", "call me maybe", "Enter a phone number"),
    ("service", "free-money", "Choose one of the options listed"),
    ("radio", "Carrier pigeon", "Choose one of the options listed"),
    ("consent", "", "Please tick the consent box"),
    ("multiline", "x" * (MESSAGE_MAX_LENGTH + 1), f"to {MESSAGE_MAX_LENGTH} characters or fewer (it has {MESSAGE_MAX_LENGTH + 1})"),
])
def test_bad_answer_is_explained_beside_its_field_and_nothing_is_stored(client, demo, kind, value, expected):
    name = field_name(contact_page(), kind)
    response = send(client, valid_answers(**{name: value}))
    assert response.status_code == 200
    assert expected in problem_with(response, name)
    assert stored() == []


def test_everything_typed_is_kept_when_one_answer_is_wrong(client, demo):
    page = contact_page()
    data = valid_answers(**{field_name(page, "email"): "sam-at-example"})
    form = soup(send(client, data)).find("main").find("form")
    assert form.find("input", attrs={"name": field_name(page, "name")})["value"] == "Sam Example"
    assert form.find("input", attrs={"name": field_name(page, "email")})["value"] == "sam-at-example"
    assert form.find("textarea").get_text().strip() == data[field_name(page, "multiline")]
    assert form.find("input", attrs={"value": "online-counselling"}).has_attr("checked")
    assert form.find("input", type="checkbox").has_attr("checked")


def test_an_over_long_message_is_not_cut_short_by_the_browser(client, demo):
    textarea = soup(client.get("/contact/")).find("textarea")
    assert not textarea.has_attr("maxlength"), "pasted text would be cut silently; the server explains instead"


def test_an_empty_form_lists_every_missing_answer(client, demo):
    response = send(client, {})
    assert response.status_code == 200
    items = soup(response).find(class_="error-summary").find_all("li")
    assert len(items) == 5  # name, e-mail, contact method, service, consent


def test_invisible_control_characters_are_removed_not_stored(client, demo):
    page = contact_page()
    name, message = field_name(page, "name"), field_name(page, "multiline")
    send(client, valid_answers(**{name: "Sam\x00 \x1b[31mExample\u202e", message: "Line one\r\nLine\x07 two\ttabbed"}))
    [enquiry] = stored()
    assert enquiry.form_data[name] == "Sam [31mExample"
    assert enquiry.form_data[message] == "Line one\r\nLine two\ttabbed", "line breaks and tabs stay"


def test_odd_unicode_is_kept_and_normalised(client, demo):
    page = contact_page()
    name, message = field_name(page, "name"), field_name(page, "multiline")
    decomposed = "Zoe\u0308 O\u2019Brien-Ng\u0169yen"
    text = "Ça va? 😊👨‍👩‍👧 مرحبا שלום 你好 \U0001d54f\ufeff"
    send(client, valid_answers(**{name: decomposed, message: text}))
    [enquiry] = stored()
    assert enquiry.form_data[name] == "Zoë O’Brien-Ngũyen"
    assert enquiry.form_data[message] == text, "emoji with joiners, right-to-left and other scripts survive intact"


def test_many_values_for_one_field_are_handled(client, demo):
    page = contact_page()
    data = valid_answers()
    data[field_name(page, "service")] = ["online-counselling", "not-sure"]
    assert send(client, data).status_code == 200


def test_malformed_bytes_and_huge_bodies_are_answered_without_a_server_error(client, demo):
    form = "application/x-www-form-urlencoded"
    response = client.post("/contact/", b"your_name=%ff%fe%00&e_mail_address=\xff\xfe&=&&%%%", content_type=form)
    assert response.status_code == 200
    assert client.post("/contact/", b"your_name=" + b"x" * 3_000_000, content_type=form).status_code == 400
    assert stored() == []


ODD_VALUES = ["", "NaN", "-Infinity", "1e999999", "9" * 400, "2024-02-30", "0000-00-00T99:99", "javascript:alert(1)",
              "a,b", "<script>alert(1)</script>", "%s %(value)s {{ 7 }}"]


@pytest.mark.parametrize("value", ODD_VALUES)
def test_every_field_type_the_therapist_can_add_answers_odd_input_calmly(client, demo, value):
    page = contact_page()
    for kind, _label in FIELD_TYPE_CHOICES:
        page.form_fields.add(ContactFormField(
            label=f"Extra {kind} 100%", field_type=kind, required=False, choices="One\nTwo", default_value="One",
        ))
    page.save_revision().publish()
    data = {field.clean_name: value for field in page.form_fields.all() if field.label.startswith("Extra")}
    response = send(client, valid_answers(**data))
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode(), "what visitors type is always escaped"


form_keys = st.sampled_from([
    "your_name", "e_mail_address", "phone_number", "how_would_you_like_me_to_get_in_touch",
    "what_are_you_interested_in", "anything_you_would_like_me_to_know", "home-page", "submission-token",
]) | st.text(max_size=20)
form_values = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300) | st.sampled_from(
    ["on", "online-counselling", "E-mail", "sam@example.org", "1" * 6000, "0", "true"],
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.dictionaries(form_keys, st.lists(form_values, min_size=1, max_size=3), max_size=12))
def test_arbitrary_form_data_never_gives_a_server_error(client, demo, data):
    response = client.post("/contact/", data)
    assert response.status_code in (200, 429), response.status_code
    assert "no-store" in response["Cache-Control"]
