"""The booking form: a time, who is asking, how to meet, consent. Fields and spam trap shared with the contact form."""

import uuid

from django import forms
from django.template.defaultfilters import pluralize

from booking.slots import parse_key
from contact import fields

TAKEN = "taken"
TAKEN_MESSAGE = "Sorry, someone has just asked for that time. Please choose another: the nearest free times are shown first."


class BookingForm(fields.SpamTrapMixin, forms.Form):
    slot = forms.CharField(
        label="Choose a time", error_messages={"required": "Choose a time for the call."},
    )
    name = fields.SingleLineField(
        label="Your name", autocomplete="name", help_text="The name you would like me to use.",
        error_messages={"required": "Fill in “Your name”."},
    )
    email = fields.EmailAddressField(
        label="E-mail address", help_text="Where the confirmation goes.", max_length=254,
        error_messages={"required": "Fill in “E-mail address”.",
                        "invalid": "Enter an e-mail address in the form name@example.com."},
    )
    way = forms.ChoiceField(
        label="How would you like to talk?", widget=forms.RadioSelect,
        error_messages={"required": "Choose how you would like to talk.",
                        "invalid_choice": "Choose one of the ways listed for the call."},
    )
    phone = fields.PhoneField(
        label="Phone number", required=False, help_text="Needed only for a phone call.",
    )

    def __init__(self, *args, page, availability, services=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.page, self.availability = page, availability
        self.fields["way"].choices = page.ways()
        if len(page.ways()) == 1:
            self.fields["way"].initial = page.ways()[0][0]
        if services:
            self.fields["service"] = forms.ChoiceField(
                label="What are you interested in?", required=False, widget=forms.RadioSelect,
                choices=[*services, (fields.NOT_SURE, fields.NOT_SURE_LABEL)],
                error_messages={"invalid_choice": "Choose one of the services listed, or “Not sure yet”."},
            )
        if page.ask_for_note:
            self.fields["note"] = fields.MessageField(
                label=page.note_label or "Anything you would like me to know", required=False,
                help_text="No need to share details yet. You can leave this empty.",
                error_messages={"max_length": "Please shorten your note to %(limit_value)d characters or fewer "
                                              "(it has %(show_value)d)."},
            )
        # How long requests are kept is the page's own setting: the box says it, so the two never differ.
        self.fields["consent"] = fields.ConsentField(
            label=page.consent_label,
            help_text=f"Your request is deleted {page.keep_days} day{pluralize(page.keep_days)} after the call, "
                      "or sooner if you ask.",
        )
        self.fields["consent"].error_messages["required"] = "Please tick the consent box, so that I can keep your request."
        self.fields[self.HONEYPOT] = fields.HoneypotField()
        self.fields[self.TOKEN] = forms.CharField(required=False, widget=forms.HiddenInput, initial=uuid.uuid4().hex)
        self.chosen = None

    def clean_slot(self):
        starts_at = parse_key(self.cleaned_data["slot"])
        slot = self.availability.find(starts_at) if starts_at else None
        if slot is None:
            # Forged, past, inside the notice, on a blocked day: all "not one of the times offered".
            raise forms.ValidationError(
                "That time is not one of the times offered now. Please choose one of the times listed.", code="invalid",
            )
        if slot.starts_at in self.availability.taken:
            raise forms.ValidationError(TAKEN_MESSAGE, code=TAKEN)
        self.chosen = slot
        return slot.key

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("way") == "phone" and not cleaned.get("phone") and "phone" not in self.errors:
            self.add_error("phone", forms.ValidationError(
                "Add a phone number so that I can ring you, or choose a video call.", code="required",
            ))
        return cleaned

    def mark_taken(self):
        """The database refused the time after validation: someone else's request got there first."""
        self.availability.taken.add(self.chosen.starts_at)
        self.add_error("slot", forms.ValidationError(TAKEN_MESSAGE, code=TAKEN))

    # --- For the template and the views ---------------------------------------

    @property
    def slot_taken(self):
        return self.has_error("slot", TAKEN)

    def times(self):
        """Days and times to show: after a clash, the nearest free times first."""
        if self.slot_taken:
            starts_at = parse_key(self.data.get("slot"))
            return self.availability.by_day(self.availability.nearest_free(starts_at))
        return self.availability.by_day()

    def selected_key(self):
        return self.data.get("slot") if self.is_bound else ""

    def visible_fields_in_order(self):
        return [self[name] for name in ("name", "email", "way", "phone", "service", "note", "consent") if name in self.fields]

    def error_links(self):
        links = []
        if self.errors.get("slot"):
            links.append(("times", self.errors["slot"][0]))
        for field in [*self.visible_fields_in_order(), self.honeypot]:
            if field.errors:
                target = f"{field.auto_id}_0" if field.use_fieldset else field.id_for_label
                links.append((target, field.errors[0]))
        return links

    def token(self):
        try:
            return uuid.UUID(str(self.cleaned_data.get(self.TOKEN, "")))
        except ValueError:
            return None

    def service_title(self):
        value = self.cleaned_data.get("service") or ""
        return dict(self.fields["service"].choices).get(value, "") if "service" in self.fields else ""
