"""Checks on the contact page's editor: the form must always ask for consent and for a way to reply,
and the consent box's note must leave how long enquiries are kept to the settings."""

import re

from wagtail.contrib.forms.forms import WagtailAdminFormPageForm

from home.admin_forms import ScheduleCheck


class ContactPageAdminForm(ScheduleCheck, WagtailAdminFormPageForm):
    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        if formset is None:
            return cleaned_data
        kinds = {
            form.cleaned_data.get("field_type")
            for form in formset.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        }
        if "consent" not in kinds:
            self.add_error(None, "The form needs a question of the type “Consent box”: without the visitor's "
                                 "consent, an enquiry about health may not be stored.")
        if not kinds & {"email", "phone"}:
            self.add_error(None, "The form needs an “E-mail” or “Phone number” question, so you can reply.")
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("field_type") == "consent" and not data.get("DELETE") and _PERIOD.search(data.get("help_text") or ""):
                form.add_error("help_text", (
                    "Leave out how long enquiries are kept: the form says it by itself, from Settings › Enquiry settings, "
                    "so it always matches what is really deleted and when."
                ))
        return cleaned_data


# "six months", "180 days", "a year": a retention period typed by hand, which would go stale.
_PERIOD = re.compile(r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:day|week|month|year)s?\b",
                     re.IGNORECASE)
