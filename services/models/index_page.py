"""The services list at /services/: one card per live service, in page-tree order."""

from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import SitePage
from home.visibility import visible

from ..counting import with_live_count
from .service_page import ServicePage


class ServiceIndexPage(SitePage):
    introduction = models.TextField(
        "Introduction", blank=True,
        help_text="A few sentences above the list of services. Also used as the description in search results. "
                  "A number before “ways to meet” or “services” (“Four ways to meet”) always shows how many are live.",
    )
    body = StreamField(
        BodyBlock(), blank=True, verbose_name="Page content",
        help_text="Shown under the service cards: a comparison table of the ways to meet works well here. A number before "
                  "“ways to meet” in a table’s caption also follows the live services.",
    )

    content_panels = SitePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.ServicePage"]
    max_count = 1
    summary_field = "introduction"
    # The cards follow the page tree, so the admin's list of services opens in
    # that order, with Wagtail's drag handles, rather than by latest edit.
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = "Services list"

    def get_services(self):
        """Live, public services in the order set in the admin, with card images, in two queries."""
        return (
            visible(ServicePage.objects.child_of(self))
            .defer_streamfields()
            .select_related("card_image")
            .prefetch_related("card_image__renditions")
            .order_by("path")
        )

    @cached_property
    def live_service_count(self):
        return self.get_services().count()

    def get_meta_description(self):
        return with_live_count(super().get_meta_description(), self.live_service_count)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        services = context["services"] = self.get_services()
        self.live_service_count = count = len(services)  # the cards' query, run once
        context["introduction"] = with_live_count(self.introduction, count)
        context["body"] = self._body_counted(count)
        return context

    def _body_counted(self, count):
        """The body with its tables' captions counting the live services ("The four ways to meet, side by side").

        Changed on this request's copy of the page only, never saved.
        """
        for block in self.body:
            if block.block_type == "table":  # a comparison table: its grid (a TypedTable) carries the caption
                grid = block.value["table"]
                grid.caption = with_live_count(grid.caption, count)
        return self.body
