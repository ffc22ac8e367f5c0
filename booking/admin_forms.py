"""The therapist's answer to a request: accept, offer another time, or decline, with a short message."""

from django import forms


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your answer", widget=forms.RadioSelect,
        choices=[("accept", "Accept this time"), ("offer", "Offer another time"), ("decline", "Decline")],
        help_text="The visitor is e-mailed at once. Accepting sends a confirmation with a calendar file.",
    )
    new_time = forms.ChoiceField(
        label="Other time to offer", required=False,
        help_text="Only for “Offer another time”: one of your free times. The visitor accepts it from their e-mail.",
    )
    message = forms.CharField(
        label="Message to the visitor", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Optional, a sentence or two. It goes into the e-mail, so keep health details out of it.",
    )

    def __init__(self, *args, availability, **kwargs):
        super().__init__(*args, **kwargs)
        self.availability = availability
        self.fields["new_time"].choices = [("", "Choose a time")] + [
            (slot.key, f"{slot.local_start:%A %-d %B, %H:%M}") for slot in availability.free
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "offer":
            if not cleaned.get("new_time"):
                self.add_error("new_time", "Choose the time you would like to offer.")
            else:
                from booking.slots import parse_key

                cleaned["slot"] = self.availability.find(parse_key(cleaned["new_time"]))
        return cleaned
