"""Opening hours as days and times, so visitors and search engines read the same facts."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class OpeningHours(Orderable):
    settings = ParentalKey("practice.AvailabilitySettings", on_delete=models.CASCADE, related_name="opening_hours")
    first_day = models.PositiveSmallIntegerField(
        "From", choices=Weekday.choices, help_text="The first day these hours apply.",
    )
    last_day = models.PositiveSmallIntegerField(
        "To", choices=Weekday.choices, null=True, blank=True,
        help_text="Optional: the last day with the same hours. Leave empty for one day.",
    )
    opens = models.TimeField("Opens", help_text="For example 09:00.")
    closes = models.TimeField("Closes", help_text="For example 20:00.")

    panels = [
        FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Opening hours"
        verbose_name_plural = "Opening hours"

    def clean(self):
        super().clean()
        errors = {}
        if self.last_day is not None and self.first_day is not None and self.last_day < self.first_day:
            errors["last_day"] = "The last day must come after the first day in the week (Monday to Sunday)."
        if self.opens and self.closes and self.closes <= self.opens:
            errors["closes"] = "Closing time must be later than opening time, for example 09:00 to 17:00."
        if errors:
            raise ValidationError(errors)

    @property
    def days(self):
        """The weekday numbers these hours cover."""
        last = self.first_day if self.last_day is None else self.last_day
        return list(range(self.first_day, last + 1))
