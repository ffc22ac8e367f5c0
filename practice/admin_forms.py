"""Checks across the rows of the opening hours, which one row's own check cannot see."""

from wagtail.admin.forms import WagtailAdminModelForm

from .models.hours import Weekday


class AvailabilityForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("opening_hours")
        if formset is not None:
            overlapping_days(formset)
        return cleaned_data


def overlapping_days(formset):
    """Mark a row that gives a day hours overlapping an earlier row's: search engines
    would read two different openings for the same time. Split days (9 to 12, 2 to 6) stay allowed."""
    seen = []  # (day, opens, closes) of the rows read so far
    for form in formset.forms:
        if not form.is_valid() or form.cleaned_data.get("DELETE"):
            continue
        data = form.cleaned_data
        first, last, opens, closes = data.get("first_day"), data.get("last_day"), data.get("opens"), data.get("closes")
        if first is None or not opens or not closes:
            continue
        days = range(first, (first if last is None else last) + 1)
        clash = next(((day, o, c) for day in days for d, o, c in seen if d == day and opens < c and o < closes), None)
        if clash:
            from .formatting import clock  # reads the models, which read this module

            day, other_opens, other_closes = clash
            form.add_error("first_day", (
                f"{Weekday(day).label} is given twice, at times that overlap ({clock(other_opens)} to "
                f"{clock(other_closes)} and {clock(opens)} to {clock(closes)}). Give each day once, or split a day "
                "into times that do not overlap, for example 9am to 12pm and 2pm to 6pm."
            ))
            continue
        seen += [(day, opens, closes) for day in days]
