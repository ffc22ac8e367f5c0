"""The practice's details, entered once and read by header, footer and JSON-LD.

Memberships, opening hours, fees and availability are practice facts with
rules of their own: they live in the ``practice`` app.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from home.admin_forms import PracticeSettingsForm
from home.permissions import private_field


@register_setting(icon="user")
class PracticeSettings(BaseSiteSetting):
    # Every page's header, footer and meta tags follow these links: fetch them with the settings in one query.
    select_related = ["contact_page", "booking_page", "privacy_page", "share_image", "portrait"]

    practice_name = models.CharField(
        "Practice name", max_length=120, default="My counselling practice",
        help_text="Shown in the header, page titles and search results.",
    )
    tagline = models.CharField(
        "Short description", max_length=200, blank=True,
        help_text="One sentence about the practice, shown under the name and to search engines.",
    )
    therapist_name = models.CharField(
        "Your name", max_length=120, blank=True, help_text="As clients know you, for example “Ben Carter”.",
    )
    therapist_role = models.CharField(
        "Your role", max_length=120, blank=True, default="Counsellor",
        help_text="For example “Counsellor” or “Psychotherapist”.",
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Your photo",
        help_text="A friendly photo of you, shown on the home page, your About page and beside your articles. "
                  "People like to see who they will talk to.",
    )
    portrait_description = models.CharField(
        "Describe your photo", max_length=250, blank=True,
        help_text="For people who cannot see it, for example “Ben smiling, in a blue jumper, outdoors”.",
    )
    phone = models.CharField(
        "Phone number", max_length=40, blank=True, help_text="Written as people should dial it, for example 01242 000000.",
    )
    email = models.EmailField("E-mail address", blank=True, help_text="Shown in the footer for people who prefer e-mail.")
    street_address = models.CharField(
        "Street address", max_length=200, blank=True, help_text="The room where you see clients in person.",
    )
    locality = models.CharField("Town", max_length=100, blank=True, help_text="For example Cheltenham.")
    region = models.CharField("County", max_length=100, blank=True, help_text="For example Gloucestershire.")
    postcode = models.CharField("Postcode", max_length=12, blank=True, help_text="For example GL50 1AA.")
    country = models.CharField(
        "Country code", max_length=2, default="GB", help_text="Two letters: GB for the United Kingdom.",
    )
    area_served = models.CharField(
        "Area you serve", max_length=200, blank=True,
        help_text="Where clients come from, for example “Cheltenham and Gloucestershire; online across the UK”.",
    )
    # Optional: search engines place the practice room on a map from these.
    latitude = models.DecimalField(
        "Latitude of the practice room", max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90, "Latitude is between -90 and 90."), MaxValueValidator(90, "Latitude is between -90 and 90.")],
        help_text="Optional, for maps in search results: for example 51.899400. Leave empty to say only the town.",
    )
    longitude = models.DecimalField(
        "Longitude of the practice room", max_digits=10, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180, "Longitude is between -180 and 180."), MaxValueValidator(180, "Longitude is between -180 and 180.")],
        help_text="Optional, with the latitude: for example -2.074300 (west of Greenwich is below zero).",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Contact page", help_text="Where every “get in touch” button leads.",
    )
    booking_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Booking page", help_text="Where every “book a call” button leads. Leave empty to offer only the contact form.",
    )
    booking_button_label = models.CharField(
        "Closing invitation: booking button", max_length=60, default="Choose a time for a free call",
        help_text="Shown beside the contact button when a booking page is set.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Privacy notice", help_text="Linked from the footer and from the contact form's consent box.",
    )
    cta_heading = models.CharField(
        "Closing invitation: heading", max_length=120, blank=True, default="Book a free initial chat",
        help_text="Shown at the end of every page.",
    )
    cta_text = models.TextField(
        "Closing invitation: text", blank=True,
        help_text="One or two sentences inviting people to get in touch.",
    )
    cta_button_label = models.CharField(
        "Closing invitation: button", max_length=60, default="Get in touch",
        help_text="What the button says; it leads to the contact page.",
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Default sharing image",
        help_text="Shown when a page without its own image is shared on social media.",
    )

    base_form_class = PracticeSettingsForm

    panels = [
        MultiFieldPanel(
            [FieldPanel("practice_name"), FieldPanel("tagline"), FieldPanel("therapist_name"), FieldPanel("therapist_role"),
             FieldPanel("portrait"), FieldPanel("portrait_description")],
            heading="Who you are",
        ),
        MultiFieldPanel(
            # Enquiries and call requests go to this address when their page names none.
            [FieldPanel("phone"), private_field("email"), FieldPanel("street_address"), FieldPanel("locality"),
             FieldPanel("region"), FieldPanel("postcode"), FieldPanel("country"), FieldPanel("area_served"),
             FieldPanel("latitude"), FieldPanel("longitude")],
            heading="How to reach you",
        ),
        MultiFieldPanel(
            [FieldPanel("contact_page"), FieldPanel("booking_page"), FieldPanel("privacy_page"), FieldPanel("cta_heading"),
             FieldPanel("cta_text"), FieldPanel("cta_button_label"), FieldPanel("booking_button_label")],
            heading="Contact, privacy and the closing invitation",
        ),
        FieldPanel("share_image"),
    ]

    class Meta:
        verbose_name = "Practice details"

    @property
    def address_lines(self):
        return [line for line in (self.street_address, self.locality, self.region, self.postcode) if line]
