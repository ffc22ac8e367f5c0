from django import forms

from .devices import clean_backup_code, clean_code

# After a wrong code: no blame, and what to try next. Codes are often typed a
# second too late, or come from a phone whose clock has drifted.
WRONG_CODE = (
    "That code did not match. That happens: the code changes every 30 seconds, so type the newest one your app shows. "
    "If it still does not work, check that your phone sets its date and time automatically"
)
WRONG_BACKUP_CODE = (
    "That backup code did not match, or it has been used already (each one works once). "
    "Check it against your list, try another one, or type the 6-digit code from your app."
)
PAUSED = (
    "Several codes in a row did not match, so the site is pausing for a moment to keep your account safe. "
    "Wait a minute, then type the newest code."
)


class CodeForm(forms.Form):
    """A code from the authenticator app or, where ``backup`` is given, one of the backup codes."""

    code = forms.CharField(label="6-digit code from your authenticator app", max_length=20)

    def __init__(self, *args, device=None, backup=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device, self.backup = device, backup
        self.used_device = None
        if backup is not None:
            self.fields["code"].label = "6-digit code from your authenticator app, or a backup code"

    @property
    def allows_backup(self):
        return self.backup is not None

    def clean_code(self):
        raw = self.cleaned_data["code"]
        code = clean_code(raw)
        if self.allows_backup and len(code) != 6 and len(clean_backup_code(raw)) == 8:
            return self._check(self.backup, clean_backup_code(raw), WRONG_BACKUP_CODE)
        if len(code) != 6:
            raise forms.ValidationError(
                "Type the 6 digits your authenticator app shows now" + (", or one of your backup codes." if self.allows_backup else ".")
            )
        wrong = WRONG_CODE + (", or use one of your backup codes." if self.allows_backup else ", and that you added the key shown here.")
        return self._check(self.device, code, wrong)

    def _check(self, device, code, wrong):
        if device is not None and not device.verify_is_allowed()[0]:
            # django-otp slows down guessing: each wrong code doubles the wait.
            raise forms.ValidationError(PAUSED)
        if device is None or not device.verify_token(code):
            raise forms.ValidationError(wrong)
        self.used_device = device
        return code
