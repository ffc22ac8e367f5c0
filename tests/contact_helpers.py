"""Helpers the contact tests share."""

from contact import tokens
from contact.models import ContactPage, ContactSubmission

CONTACT_URL = "/contact/"

# What a prospective client fills in, by field type.
ANSWERS = {
    "name": "Sam Example",
    "email": "sam@example.org",
    "phone": "07700 900123",
    "multiline": "I have been feeling low since the spring and would like to talk.",
    "consent": "on",
}


def contact_page():
    return ContactPage.objects.get()


def field_name(page, kind):
    return next(field.clean_name for field in page.form_fields.all() if field.field_type == kind)


def valid_answers(page=None, **overrides):
    """POST data for the demo form, every question answered as a real visitor would, with the form's token."""
    page = page or contact_page()
    data = {"submission-token": tokens.issue()}
    for field in page.form_fields.all():
        if field.field_type in ANSWERS:
            data[field.clean_name] = ANSWERS[field.field_type]
        elif field.field_type == "radio":
            data[field.clean_name] = field.choices.splitlines()[0]
        elif field.field_type == "service":
            data[field.clean_name] = "online-counselling"
    data.update(overrides)
    return data


def send(client, data, **extra):
    return client.post(CONTACT_URL, data, **extra)


def stored():
    return list(ContactSubmission.objects.order_by("pk"))
