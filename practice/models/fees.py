"""Fees and practicalities: one table of fees and the terms every client agrees to."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

MAX_FEE = Decimal("1000")


def fee_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name, max_digits=6, decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_FEE)], **kwargs,
    )


class WayOfMeeting(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    WALK_AND_TALK = "walk_and_talk", "Walk and talk"
    PHONE = "phone", "By phone"


class ReducedFees(models.TextChoices):
    NONE = "none", "No reduced-fee places"
    FROM = "from", "Reduced-fee places from a set amount"
    ASK = "ask", "Reduced-fee places: ask me"


class CancellationCharge(models.TextChoices):
    NONE = "none", "No charge"
    HALF = "half", "Half the fee"
    FULL = "full", "The full fee"


@register_setting(icon="tag")
class FeesSettings(ClusterableModel, BaseSiteSetting):
    intro_call_minutes = models.PositiveSmallIntegerField(
        "Introductory call: length (minutes)", default=20, validators=[MinValueValidator(5), MaxValueValidator(90)],
        help_text="How long the first, getting-to-know-you call lasts, for example 20.",
    )
    intro_call_fee = fee_field(
        "Introductory call: fee (£)", default=Decimal("0"),
        help_text="0 for a free call, which most clients expect.",
    )
    how_to_pay = models.TextField(
        "How to pay", blank=True, help_text="For example “By bank transfer within two days of each session.”",
    )
    cancellation_notice_hours = models.PositiveSmallIntegerField(
        "Cancellation notice (hours)", default=48, validators=[MinValueValidator(1), MaxValueValidator(336)],
        help_text="How many hours before a session a client can cancel without being charged, for example 48.",
    )
    cancellation_charge = models.CharField(
        "Charge for a later cancellation", max_length=10, choices=CancellationCharge.choices, default=CancellationCharge.FULL,
        help_text="What a client pays when they cancel with less notice than that.",
    )

    panels = [
        InlinePanel(
            "fees", heading="Fees for each service", label="fee",
            help_text="One line for each service and way of meeting. Service pages, the fees table and search engines all read these.",
        ),
        MultiFieldPanel([FieldRowPanel([FieldPanel("intro_call_minutes"), FieldPanel("intro_call_fee")])], heading="Introductory call"),
        MultiFieldPanel(
            [FieldPanel("how_to_pay"), FieldRowPanel([FieldPanel("cancellation_notice_hours"), FieldPanel("cancellation_charge")])],
            heading="Paying and cancelling",
        ),
    ]

    class Meta:
        verbose_name = "Fees and practicalities"


class ServiceFee(Orderable):
    settings = ParentalKey(FeesSettings, on_delete=models.CASCADE, related_name="fees")
    service = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="Service",
        help_text="The service page this fee belongs to.",
    )
    way_of_meeting = models.CharField(
        "Way of meeting", max_length=20, choices=WayOfMeeting.choices, default=WayOfMeeting.IN_PERSON,
        help_text="Add another line if the same service costs differently online or outdoors.",
    )
    session_minutes = models.PositiveSmallIntegerField(
        "Session length (minutes)", validators=[MinValueValidator(10), MaxValueValidator(240)],
        help_text="For example 50.",
    )
    fee = fee_field("Fee per session (£)", help_text="For example 60 or 62.50. 0 shows as “Free”.")
    reduced_fees = models.CharField(
        "Reduced-fee places", max_length=10, choices=ReducedFees.choices, default=ReducedFees.NONE,
        help_text="Whether you keep some places at a lower fee for people who could not otherwise come.",
    )
    reduced_fee_from = fee_field(
        "Reduced fee from (£)", null=True, blank=True,
        help_text="Only with “from a set amount”: the lowest fee you offer, for example 35.",
    )

    panels = [
        PageChooserPanel("service", page_type="services.ServicePage"),
        FieldRowPanel([FieldPanel("way_of_meeting"), FieldPanel("session_minutes"), FieldPanel("fee")]),
        FieldRowPanel([FieldPanel("reduced_fees"), FieldPanel("reduced_fee_from")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Fee"
        verbose_name_plural = "Fees"

    def clean(self):
        super().clean()
        if self.reduced_fees == ReducedFees.FROM:
            if self.reduced_fee_from is None:
                raise ValidationError({"reduced_fee_from": "Give the lowest reduced fee, for example 35, or choose “ask me”."})
            if self.fee is not None and self.reduced_fee_from >= self.fee:
                raise ValidationError({"reduced_fee_from": "A reduced fee must be lower than the full fee."})
        elif self.reduced_fee_from is not None:
            raise ValidationError({"reduced_fee_from": "Leave this empty unless reduced-fee places start from a set amount."})
