"""Checks the editing forms make, beyond Wagtail's own."""

from django import forms
from django.utils import formats, timezone
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm


class ScheduleCheck:
    """Refuse an end date at or before the go-live date: the page would never be seen.

    Wagtail refuses an expiry before the go-live time but lets one equal to it through.
    """

    def clean(self):
        cleaned_data = super().clean()
        go_live_at = cleaned_data.get("go_live_at")
        expire_at = cleaned_data.get("expire_at")
        if go_live_at and expire_at and expire_at <= go_live_at and not self.has_error("expire_at"):
            when = formats.date_format(timezone.localtime(go_live_at), "j F Y, H:i")
            self.add_error("expire_at", forms.ValidationError(
                f"The page would come down before anyone could see it. Choose an end time after it goes live ({when}), "
                "or leave the end time empty.",
            ))
        return cleaned_data


class SitePageForm(ScheduleCheck, WagtailAdminPageForm):
    pass


class PracticeSettingsForm(WagtailAdminModelForm):
    """A map position needs both numbers; said once, beside the one left empty, and only
    when neither has a message of its own already."""

    def clean(self):
        cleaned_data = super().clean()
        if self.has_error("latitude") or self.has_error("longitude"):
            return cleaned_data
        latitude, longitude = cleaned_data.get("latitude"), cleaned_data.get("longitude")
        if (latitude is None) != (longitude is None):
            self.add_error("longitude" if longitude is None else "latitude",
                           "Give both the latitude and the longitude, or leave both empty.")
        return cleaned_data
