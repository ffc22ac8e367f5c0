"""The services index and one page per way of working (started in the foundation; see issue 3)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import SitePage


class ServiceIndexPage(SitePage):
    introduction = models.TextField("Introduction", blank=True, help_text="A few sentences above the list of services.")
    body = StreamField(BodyBlock(), blank=True, verbose_name="Page content")

    content_panels = SitePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.ServicePage"]
    max_count = 1
    summary_field = "introduction"

    class Meta:
        verbose_name = "Services list"


class ServicePage(SitePage):
    summary = models.TextField("Summary", blank=True, help_text="One or two sentences for the service's card.")
    body = StreamField(BodyBlock(), blank=True, verbose_name="Page content")

    content_panels = SitePage.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []
    summary_field = "summary"

    class Meta:
        verbose_name = "Service"
