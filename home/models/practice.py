"""The practice's details, entered once and read by header, footer and JSON-LD."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="user")
class PracticeSettings(BaseSiteSetting):
    # Every page's header, footer and meta tags follow these links: fetch them with the settings in one query.
    select_related = ["contact_page", "privacy_page", "share_image"]

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
    phone = models.CharField(
        "Phone number", max_length=40, blank=True, help_text="Written as people should dial it, for example 01242 000000.",
    )
    email = models.EmailField("E-mail address", blank=True, help_text="Shown in the footer for people who prefer e-mail.")
    street_address = models.CharField(
        "Street address", max_length=200, blank=True, help_text="The room where you see clients in person.",
    )
    locality = models.CharField("Town", max_length=100, blank=True, help_text="For example Cheltenham.")
    region = models.CharField("County", max_length=100, blank=True, help_text="For example Gloucestershire.")
    postcode = models.CharField("Postcode", max_length=12, blank=True)
    country = models.CharField(
        "Country code", max_length=2, default="GB", help_text="Two letters: GB for the United Kingdom.",
    )
    area_served = models.CharField(
        "Area you serve", max_length=200, blank=True,
        help_text="Where clients come from, for example “Cheltenham and Gloucestershire; online across the UK”.",
    )
    professional_body = models.CharField(
        "Professional membership", max_length=200, blank=True,
        help_text="For example “Registered member of the BACP (MBACP)”.",
    )
    membership_number = models.CharField("Membership number", max_length=60, blank=True)
    register_url = models.URLField(
        "Link to your register entry", blank=True,
        help_text="The public register page that shows your membership, so clients can check it.",
    )
    opening_hours = models.TextField(
        "Opening hours", blank=True, help_text="As visitors should read them, one line per day or group of days.",
    )
    opening_hours_spec = models.CharField(
        "Opening hours for search engines", max_length=200, blank=True,
        help_text="Optional. Days and times in this form: Mo-Th 09:00-20:00, Fr 09:00-15:00.",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Contact page", help_text="Where every “get in touch” button leads.",
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
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Default sharing image",
        help_text="Shown when a page without its own image is shared on social media.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("practice_name"), FieldPanel("tagline"), FieldPanel("therapist_name"), FieldPanel("therapist_role")],
            heading="Who you are",
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("street_address"), FieldPanel("locality"),
             FieldPanel("region"), FieldPanel("postcode"), FieldPanel("country"), FieldPanel("area_served")],
            heading="How to reach you",
        ),
        MultiFieldPanel(
            [FieldPanel("professional_body"), FieldPanel("membership_number"), FieldPanel("register_url")],
            heading="Professional membership",
        ),
        MultiFieldPanel([FieldPanel("opening_hours"), FieldPanel("opening_hours_spec")], heading="Opening hours"),
        MultiFieldPanel(
            [FieldPanel("contact_page"), FieldPanel("privacy_page"), FieldPanel("cta_heading"), FieldPanel("cta_text"), FieldPanel("cta_button_label")],
            heading="Contact, privacy and the closing invitation",
        ),
        FieldPanel("share_image"),
    ]

    class Meta:
        verbose_name = "Practice details"

    @property
    def address_lines(self):
        return [line for line in (self.street_address, self.locality, self.region, self.postcode) if line]

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]
