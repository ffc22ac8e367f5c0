"""The blog index and posts (started in the foundation; see issue 4)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import SitePage


class BlogIndexPage(SitePage):
    introduction = models.TextField("Introduction", blank=True, help_text="A few sentences above the list of articles.")

    content_panels = SitePage.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count = 1
    summary_field = "introduction"

    class Meta:
        verbose_name = "Blog list"


class BlogPage(SitePage):
    introduction = models.TextField("Introduction", blank=True, help_text="One or two sentences for cards and search results.")
    body = StreamField(BodyBlock(), blank=True, verbose_name="Article")

    content_panels = SitePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    summary_field = "introduction"

    class Meta:
        verbose_name = "Blog post"
