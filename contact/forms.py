"""The enquiry form: Wagtail's form builder with a few field types of our own and anti-spam extras."""

from django import forms
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

from contact import fields, tokens
from home.numbers import days_in_words

# Field types the therapist can pick in addition to Wagtail's own.
EXTRA_FIELD_TYPES = [
    ("name", "Person's name"),
    ("phone", "Phone number"),
    ("service", "Service (lists your live service pages)"),
    ("consent", "Consent box (required, links to your privacy notice)"),
]
FIELD_TYPE_CHOICES = [*FORM_FIELD_CHOICES, *EXTRA_FIELD_TYPES]
VERBS = {kind: "Choose an answer for" for kind in ("dropdown", "radio", "service", "multiselect", "checkboxes")} | {
    "checkbox": "Tick the box for",
}


class ContactForm(fields.SpamTrapMixin, BaseForm):
    # The service ticked in advance (?service= from a service page's button), if any.
    preselected = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.HONEYPOT] = fields.HoneypotField()
        # A fresh token, signed by the site, per form shown (contact/tokens.py).
        self.fields[self.TOKEN] = forms.CharField(required=False, widget=forms.HiddenInput, initial=tokens.issue)

    def answer_fields(self):
        """The therapist's questions, in order (not the spam trap or the token)."""
        return [self[name] for name in self.fields if name not in (self.HONEYPOT, self.TOKEN)]

    def answers(self):
        """What the visitor answered, ready to store: cleaned values of the therapist's questions only."""
        return {field.name: self.cleaned_data.get(field.name) for field in self.answer_fields()}

    def issued_token(self):
        """The token's UUID if this site issued it (recently); None for a forged or expired one."""
        return tokens.read(self.data.get(self.TOKEN))

    def token(self):
        """What is stored with the enquiry: the issued token combined with the answers."""
        issued = self.issued_token()
        return tokens.for_answers(issued, self.answers()) if issued else None

    def renew_token(self):
        """Give the form shown again a fresh token, so pressing Send once more goes through."""
        self.data = self.data.copy()
        self.data[self.TOKEN] = tokens.issue()

    def error_links(self):
        """(target id, first message) for the error summary; radio buttons link to their first option."""
        links = []
        for field in [*self.answer_fields(), self.honeypot]:
            if field.errors:
                target = f"{field.auto_id}_0" if field.use_fieldset else field.id_for_label
                links.append((target, field.errors[0]))
        return links

    def free_text_names(self):
        return {name for name, field in self.fields.items() if isinstance(field, fields.MessageField)}

    def service_fields(self):
        return [self[name] for name, field in self.fields.items() if isinstance(field, fields.ServiceField)]


class ContactFormBuilder(FormBuilder):
    """Builds the enquiry form from the fields the therapist set up in the admin."""

    def __init__(self, form_fields, services=(), retention_days=None):
        super().__init__(form_fields)
        self.services = list(services)
        self.retention_days = retention_days

    def get_field_options(self, field):
        # Every message names its question, so it reads on its own in the error summary.
        options = super().get_field_options(field)
        verb = VERBS.get(field.field_type, "Fill in")
        label = field.label.replace("%", "%%")  # these two messages are %-formatted with the value
        options["error_messages"] = {
            "required": f"{verb} “{field.label}”.",
            "invalid_choice": f"Choose one of the options listed for “{label}”.",
            "max_length": f"Please shorten “{label}” to %(limit_value)d characters or fewer (it has %(show_value)d).",
        }
        return options

    def create_singleline_field(self, field, options):
        return fields.SingleLineField(**options)

    def create_multiline_field(self, field, options):
        options["error_messages"]["max_length"] += " A few lines are plenty: we can talk about the rest."
        return fields.MessageField(**options)

    def create_email_field(self, field, options):
        options["error_messages"]["invalid"] = "Enter an e-mail address in the form name@example.com."
        return fields.EmailAddressField(**options)

    def create_name_field(self, field, options):
        return fields.SingleLineField(autocomplete="name", **options)

    def create_phone_field(self, field, options):
        return fields.PhoneField(**options)

    def create_service_field(self, field, options):
        options["initial"] = None
        return fields.ServiceField(services=self.services, **options)

    def create_consent_field(self, field, options):
        # How long enquiries are kept comes from Settings › Enquiry settings, so
        # the box never promises a period the nightly clean-up does not keep.
        # The template adds the privacy notice link.
        note = options["help_text"] or "You can ask me to delete it sooner at any time."
        if self.retention_days:
            note = f"What you send is deleted after {days_in_words(self.retention_days)}. {note}"
        options["help_text"] = note
        options.pop("initial", None)
        options.pop("required", None)
        return fields.ConsentField(**options)

    def get_form_class(self):
        return type("ContactPageForm", (ContactForm,), self.formfields)
