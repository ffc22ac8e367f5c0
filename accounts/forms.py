from django import forms

from .devices import clean_code


class CodeForm(forms.Form):
    code = forms.CharField(
        label="6-digit code from your authenticator app",
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = clean_code(self.cleaned_data["code"])
        if len(code) != 6:
            raise forms.ValidationError("Enter the 6 digits your authenticator app shows now.")
        if self.device is not None and not self.device.verify_is_allowed()[0]:
            # django-otp slows down guessing: each wrong code doubles the wait.
            raise forms.ValidationError("Too many tries in a row. Wait a minute, then enter the newest code.")
        if self.device is None or not self.device.verify_token(code):
            raise forms.ValidationError(
                "That code did not match. Check the time on your phone is right and try the newest code."
            )
        return code
