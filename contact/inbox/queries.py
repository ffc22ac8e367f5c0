"""Which enquiries a user may read, and how each one reads in the inbox."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.forms.utils import get_forms_for_user

from contact.models import ContactPage, ContactSubmission


def contact_pages_for(user):
    """The contact pages whose enquiries this user may read.

    Wagtail's rule for form submissions, with this project's hooks applied
    (contact/wagtail_hooks.py): whoever may not view enquiries gets none.
    """
    if not user.is_authenticated:
        return ContactPage.objects.none()
    pages = get_forms_for_user(user).filter(content_type=ContentType.objects.get_for_model(ContactPage))
    return ContactPage.objects.filter(pk__in=pages.values("pk")).order_by("path")


def enquiries_for(user):
    return ContactSubmission.objects.filter(page__in=contact_pages_for(user)).order_by("-submit_time", "-pk")


@dataclass
class Answer:
    label: str
    text: str


def answers(enquiry):
    """Each question as the form asked it, with the visitor's answer in words."""
    data = enquiry.get_data()
    fields = Summaries().fields(enquiry)
    return [Answer(field.label, _in_words(data.get(field.clean_name))) for field in fields]


def _in_words(value):
    if value is True:
        return "Yes"
    if value in (None, False, "", []):
        return "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return str(value)


class Summaries:
    """Name, contact details and service of enquiries, reading each contact page's questions once."""

    def __init__(self):
        self._fields = {}

    def fields(self, enquiry):
        if enquiry.page_id not in self._fields:
            self._fields[enquiry.page_id] = list(ContactPage.objects.get(pk=enquiry.page_id).get_form_fields())
        return self._fields[enquiry.page_id]

    def first_answer(self, enquiry, kind):
        for field in self.fields(enquiry):
            value = enquiry.form_data.get(field.clean_name) if field.field_type == kind else None
            if value:
                return str(value)
        return ""

    def name(self, enquiry):
        return self.first_answer(enquiry, "name") or "Someone (no name given)"

    def email(self, enquiry):
        return self.first_answer(enquiry, "email")

    def phone(self, enquiry):
        return self.first_answer(enquiry, "phone")

    def service(self, enquiry):
        return self.first_answer(enquiry, "service")
