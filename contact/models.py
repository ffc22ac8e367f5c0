"""The contact page (started in the foundation; see issue 5)."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel

from home.models import SitePage


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(AbstractEmailForm, SitePage):
    introduction = models.TextField("Introduction", blank=True, help_text="A few kind words above the form.")
    thank_you_text = models.TextField("Thank-you message", blank=True, help_text="What happens next, and when.")

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
        FieldPanel("to_address"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    summary_field = "introduction"

    class Meta:
        verbose_name = "Contact page"
