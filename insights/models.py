"""Daily totals, never visits: no row here can be traced back to a person.

Each table holds one row per day and per combination of a few coarse labels
(page path, referring site, kind of device) with a count. Nothing that
identifies a visitor is stored: no IP address, user-agent string, cookie or
identifier, and no row per visit.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEVICES = [("phone", "Phone"), ("tablet", "Tablet"), ("desktop", "Computer")]
LEAD_KINDS = [("enquiry", "Enquiry sent"), ("booking", "Call requested")]


class PageViewDay(models.Model):
    day = models.DateField(db_index=True)
    path = models.CharField(max_length=200)
    referrer = models.CharField(max_length=100, blank=True, help_text="Host name of the referring site; empty when none.")
    device = models.CharField(max_length=7, choices=DEVICES)
    service = models.CharField(max_length=60, blank=True, help_text="The service a “get in touch” link carried.")
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "path", "referrer", "device", "service"], name="insights_view_day_unique"),
        ]
        permissions = [("view_insights", "Can view insights")]
        verbose_name = "daily page views"

    def __str__(self):
        return f"{self.day} {self.path}: {self.views}"


class SearchMissDay(models.Model):
    """Searches that found nothing: the words only, and only when they cannot identify anyone."""

    day = models.DateField(db_index=True)
    terms = models.CharField(max_length=100)
    searches = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "terms"], name="insights_search_miss_unique")]

    def __str__(self):
        return f"{self.day} “{self.terms}”: {self.searches}"


class LeadDay(models.Model):
    """How many enquiries or call requests began from a page: counted per page, never joined to a person."""

    day = models.DateField(db_index=True)
    path = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=LEAD_KINDS)
    leads = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "path", "kind"], name="insights_lead_day_unique")]

    def __str__(self):
        return f"{self.day} {self.path} {self.kind}: {self.leads}"


class HelpfulDay(models.Model):
    day = models.DateField(db_index=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    helpful = models.BooleanField()
    answers = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "page", "helpful"], name="insights_helpful_day_unique")]

    def __str__(self):
        return f"{self.day} page {self.page_id} {'yes' if self.helpful else 'no'}: {self.answers}"


class HelpfulNote(models.Model):
    """An answer to “What was missing?”: read by the therapist only, never shown on the site."""

    day = models.DateField(db_index=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=200)

    class Meta:
        ordering = ["-day", "-id"]

    def __str__(self):
        return self.text


@register_setting(icon="view")
class InsightsSettings(BaseSiteSetting):
    helpful_question = models.CharField(
        "Question at the end of each article", max_length=120, default="Was this article helpful?",
        help_text="Readers answer yes or no. Nothing about them is kept.",
    )
    missing_label = models.CharField(
        "Follow-up question", max_length=120, default="What was missing? (optional)",
        help_text="A short box readers may fill in. Only you see the answers, under Insights.",
    )
    missing_help = models.CharField(
        "Note under the follow-up question", max_length=200,
        default="Up to 200 characters. Only I read this: please leave out your name and contact details.",
        help_text="Reminds readers not to write anything personal.",
    )
    thanks = models.CharField(
        "Thank-you message", max_length=200, default="Thank you. Your answer helps me write more useful articles.",
        help_text="Shown after someone answers.",
    )
    keep_months = models.PositiveSmallIntegerField(
        "Keep counts for (months)", default=13, validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Older daily counts and answers are deleted each night. 13 months lets you compare with last year.",
    )

    panels = [
        HelpPanel(
            content="Insights counts page views per day without cookies and without keeping anything about the "
            "people who visit. Visitors whose browser asks not to be tracked are not counted.",
        ),
        FieldPanel("helpful_question"),
        FieldPanel("missing_label"),
        FieldPanel("missing_help"),
        FieldPanel("thanks"),
        FieldPanel("keep_months"),
    ]

    class Meta:
        verbose_name = "Insights settings"
