"""Whether the practice has space for new clients, when it is away, and its opening hours."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from practice.admin_forms import AvailabilityForm

# How long before a holiday its notice appears when the therapist gives no date.
DEFAULT_NOTICE_DAYS = 14


class Status(models.TextChoices):
    TAKING = "taking", "Taking new clients"
    WAITING_LIST = "waiting_list", "Waiting list"
    NOT_TAKING = "not_taking", "Not taking new clients"


@register_setting(icon="date")
class AvailabilitySettings(ClusterableModel, BaseSiteSetting):
    status = models.CharField(
        "Space for new clients", max_length=20, choices=Status.choices, default=Status.TAKING,
        help_text="Shown next to every “get in touch” button and on the contact page.",
    )
    waiting_weeks = models.PositiveSmallIntegerField(
        "Waiting time (weeks)", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text="Only with a waiting list: roughly how many weeks until a first session, for example 4.",
    )
    not_taking_message = models.TextField(
        "Message when you are not taking new clients", blank=True,
        default="I am not taking new clients at the moment. You are welcome to leave a message "
                "and I will reply when I have space, or suggest someone who may be able to help sooner.",
        help_text="Shown at the top of the contact page, before anyone starts typing.",
    )
    holiday_starts = models.DateField(
        "Away from", null=True, blank=True,
        help_text="The first day you are away, for example 22/12/2026. Leave both dates empty when you are not going away.",
    )
    holiday_ends = models.DateField(
        "Back on", null=True, blank=True,
        help_text="The last day you are away. The notice disappears by itself the day after.",
    )
    holiday_notice_from = models.DateField(
        "Show the notice from", null=True, blank=True,
        help_text=f"Optional. When visitors start seeing the notice; if empty, {DEFAULT_NOTICE_DAYS} days before you go.",
    )
    holiday_message = models.CharField(
        "About your time away", max_length=200, blank=True,
        help_text="Optional, added after the dates, for example “Messages are answered when I am back.”",
    )

    base_form_class = AvailabilityForm
    panels = [
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("waiting_weeks"), FieldPanel("not_taking_message")],
            heading="Space for new clients",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("holiday_starts"), FieldPanel("holiday_ends")]),
             FieldPanel("holiday_notice_from"), FieldPanel("holiday_message")],
            heading="Holiday notice",
        ),
        InlinePanel(
            "opening_hours", heading="Opening hours", label="days and hours",
            help_text="The days and times you work. Visitors and search engines read the same hours; days not listed show as closed.",
        ),
    ]

    class Meta:
        verbose_name = "Availability and opening hours"

    def clean(self):
        super().clean()
        errors = {}
        if self.status == Status.WAITING_LIST and not self.waiting_weeks:
            errors["waiting_weeks"] = "Say roughly how many weeks people wait, for example 4."
        if bool(self.holiday_starts) != bool(self.holiday_ends):
            missing = "holiday_ends" if self.holiday_starts else "holiday_starts"
            errors[missing] = "Give both the first and the last day away, or leave both empty."
        elif self.holiday_starts and self.holiday_ends < self.holiday_starts:
            errors["holiday_ends"] = "The last day away cannot come before the first day."
        if self.holiday_notice_from and self.holiday_starts and self.holiday_notice_from > self.holiday_starts:
            errors["holiday_notice_from"] = "Start showing the notice on or before the first day away."
        if self.holiday_notice_from and not self.holiday_starts:
            errors["holiday_notice_from"] = "Give the days you are away first."
        if errors:
            raise ValidationError(errors)

    def notice_starts(self):
        if not self.holiday_starts:
            return None
        return self.holiday_notice_from or self.holiday_starts - timedelta(days=DEFAULT_NOTICE_DAYS)
