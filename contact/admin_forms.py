"""Checks on the contact page's editor: the form must always ask for consent and for a way to reply."""

from wagtail.contrib.forms.forms import WagtailAdminFormPageForm


class ContactPageAdminForm(WagtailAdminFormPageForm):
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
        return cleaned_data
