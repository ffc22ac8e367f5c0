"""Memberships, registrations and the ICO registration: what a client can check."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

# The ICO's registration numbers: a Z followed by seven characters, e.g. ZA123456 or Z1234567.
ICO_NUMBER = re.compile(r"^Z[A-Z0-9]\d{6}$")
ICO_REGISTER_URL = "https://ico.org.uk/ESDWebPages/Entry/{number}"


def ico_register_url(number):
    return ICO_REGISTER_URL.format(number=number) if number else ""


@register_setting(icon="success")
class CredentialSettings(ClusterableModel, BaseSiteSetting):
    ico_number = models.CharField(
        "ICO registration number", max_length=8, blank=True,
        help_text="From your Information Commissioner's Office certificate, for example ZA123456.",
    )
    ico_renews_on = models.DateField(
        "ICO registration renews on", null=True, blank=True,
        help_text="The date on your ICO certificate. The dashboard reminds you 30 days before.",
    )

    panels = [
        InlinePanel(
            "credentials", heading="Memberships and registrations", label="membership or registration",
            help_text="Each one is shown on your About page and in the footer with a link to check it. "
                      "One past its renewal date is hidden until you update it.",
        ),
        MultiFieldPanel([FieldRowPanel([FieldPanel("ico_number"), FieldPanel("ico_renews_on")])], heading="Data protection (ICO)"),
    ]

    class Meta:
        verbose_name = "Memberships and registration"

    def clean(self):
        super().clean()
        self.ico_number = self.ico_number.strip().upper()
        if self.ico_number and not ICO_NUMBER.match(self.ico_number):
            raise ValidationError({"ico_number": "An ICO number is a Z and seven more letters or digits, for example ZA123456."})
        if self.ico_number and not self.ico_renews_on:
            raise ValidationError({"ico_renews_on": "Give the renewal date from your ICO certificate."})

    @property
    def ico_register_url(self):
        return ico_register_url(self.ico_number)


class Credential(Orderable):
    settings = ParentalKey(CredentialSettings, on_delete=models.CASCADE, related_name="credentials")
    body_name = models.CharField(
        "Professional body", max_length=150,
        help_text="Its full name, for example “British Association for Counselling and Psychotherapy”.",
    )
    body_abbreviation = models.CharField("Short name", max_length=20, blank=True, help_text="For example BACP.")
    body_url = models.URLField(
        "Professional body's website", help_text="Its home page, for example https://www.bacp.co.uk/.",
    )
    grade = models.CharField(
        "Grade", max_length=120,
        help_text="Exactly as the body words it, for example “Registered Member MBACP” or “Accredited Member MBACP (Accred)”.",
    )
    register_number = models.CharField("Membership or register number", max_length=40, help_text="As printed on your certificate.")
    register_url = models.URLField(
        "Link to your entry on the public register",
        help_text="The page on the body's own website that shows your entry, so clients can check it.",
    )
    accredited_register = models.BooleanField(
        "On a register accredited by the Professional Standards Authority", default=False,
        help_text="Tick for registers in the PSA's Accredited Registers programme (BACP, UKCP, NCPS…).",
    )
    renews_on = models.DateField(
        "Renews on", help_text="When the membership must be renewed. After this date it is hidden until you update it.",
    )
    last_checked_on = models.DateField(
        "Last checked on", null=True, blank=True,
        help_text="When you last checked that your register entry is correct.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Logo", help_text="Optional: the body's logo for members. Shown only with the wording below.",
    )
    logo_wording = models.CharField(
        "Wording the body requires with its logo", max_length=200, blank=True,
        help_text="Copy it exactly from the body's logo guidelines.",
    )

    panels = [
        FieldRowPanel([FieldPanel("body_name"), FieldPanel("body_abbreviation")]),
        FieldPanel("body_url"),
        FieldRowPanel([FieldPanel("grade"), FieldPanel("register_number")]),
        FieldPanel("register_url"),
        FieldPanel("accredited_register"),
        FieldRowPanel([FieldPanel("renews_on"), FieldPanel("last_checked_on")]),
        FieldPanel("logo"),
        FieldPanel("logo_wording"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Membership or registration"
        verbose_name_plural = "Memberships and registrations"

    def __str__(self):
        return f"{self.grade}, {self.body_abbreviation or self.body_name}"

    def clean(self):
        super().clean()
        errors = {}
        register, body = urlsplit(self.register_url or ""), urlsplit(self.body_url or "")
        if self.register_url and register.scheme != "https":
            errors["register_url"] = "Use the register's secure address, starting with https://."
        elif self.register_url and body.hostname and not _same_site(register.hostname, body.hostname):
            errors["register_url"] = (
                f"This link goes to {register.hostname}, not to the professional body's website ({body.hostname}). "
                "Copy the address of your entry on the body's own register."
            )
        if self.last_checked_on and self.last_checked_on > timezone.localdate():
            errors["last_checked_on"] = "This date is in the future: give the day you last checked."
        if self.logo_id and not self.logo_wording.strip():
            errors["logo_wording"] = "A professional body's logo must come with its required wording: copy it here, or remove the logo."
        if errors:
            raise ValidationError(errors)

    def is_current(self, today=None):
        return self.renews_on >= (today or timezone.localdate())


def _same_site(host, other):
    """www.bacp.co.uk and bacp.co.uk count as one site."""
    strip = lambda name: (name or "").lower().removeprefix("www.")  # noqa: E731
    return strip(host) == strip(other) or strip(host).endswith("." + strip(other))
