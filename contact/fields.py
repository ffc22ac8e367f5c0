"""Form fields of the enquiry form, each with the words a visitor needs when something is wrong."""

import re

from django import forms

MESSAGE_MAX_LENGTH = 5000
NOT_SURE = "not-sure"
NOT_SURE_LABEL = "Not sure yet"


class TelInput(forms.TextInput):
    input_type = "tel"


class SingleLineField(forms.CharField):
    """One line of text: line breaks and runs of spaces pasted into it become single spaces."""

    def __init__(self, *, autocomplete=None, **kwargs):
        self.autocomplete = autocomplete
        kwargs.setdefault("max_length", 255)
        super().__init__(**kwargs)

    def to_python(self, value):
        return " ".join(super().to_python(value).split())

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if self.autocomplete:
            attrs["autocomplete"] = self.autocomplete
        return attrs


class PhoneField(SingleLineField):
    widget = TelInput
    _allowed = re.compile(r"[0-9 +()\-.]+")

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 40)
        super().__init__(autocomplete="tel", **kwargs)

    def validate(self, value):
        super().validate(value)
        if value and (not self._allowed.fullmatch(value) or not 7 <= sum(c.isdigit() for c in value) <= 16):
            raise forms.ValidationError(
                "Enter a phone number using numbers, spaces and + ( ) - only, for example 07700 900123.", code="invalid",
            )


class EmailAddressField(forms.EmailField):
    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "autocomplete": "email", "spellcheck": "false"}


class MessageField(forms.CharField):
    """Free text. No maxlength attribute: browsers cut pasted text short without a word, so the server says instead."""

    widget = forms.Textarea(attrs={"rows": 6})

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MESSAGE_MAX_LENGTH)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class ServiceField(forms.TypedChoiceField):
    """The services currently on the site, plus "Not sure yet"; the title is what gets stored."""

    widget = forms.RadioSelect

    def __init__(self, services=(), **kwargs):
        choices = [*services, (NOT_SURE, NOT_SURE_LABEL)]
        super().__init__(choices=choices, coerce=dict(choices).get, empty_value="", **kwargs)


class ConsentField(forms.BooleanField):
    """Always required and never ticked in advance, whatever the admin says: consent must be given actively."""

    is_consent = True

    def __init__(self, **kwargs):
        kwargs.update(required=True, initial=False)
        kwargs.setdefault("error_messages", {})["required"] = (
            "Please tick the consent box, so that I can keep your enquiry and reply to it."
        )
        super().__init__(**kwargs)

    def clean(self, value):
        super().clean(value)
        return "Yes"


class HoneypotField(forms.CharField):
    """A trap for spam robots, which fill in every box; people never see it (see the template)."""

    def __init__(self):
        super().__init__(
            required=False, label="Leave this box empty",
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def validate(self, value):
        if value:
            raise forms.ValidationError(
                "Please clear the box labelled “Leave this box empty”: it is there to catch automated spam.",
                code="honeypot",
            )


class SpamTrapMixin:
    """What the enquiry and call-request forms share: the spam trap and the one-time token.

    Each form adds the two fields under these names (its token is made its own
    way); hyphenated names never clash with a form's own snake_case fields, and
    robots fill in anything called "home-page".
    """

    HONEYPOT = "home-page"
    TOKEN = "submission-token"

    def full_clean(self):
        super().full_clean()
        if self.HONEYPOT in self.errors:
            # Shown now, with its message: a person must be able to reach it by keyboard to clear it.
            self.fields[self.HONEYPOT].widget.attrs.pop("tabindex", None)

    @property
    def honeypot(self):
        return self[self.HONEYPOT]

    @property
    def token_field(self):
        return self[self.TOKEN]
