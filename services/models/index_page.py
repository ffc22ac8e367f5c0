"""The services list at /services/: one card per live service, in page-tree order."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageViewRestriction
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import SitePage

from .service_page import ServicePage


class ServiceIndexPage(SitePage):
    introduction = models.TextField(
        "Introduction", blank=True,
        help_text="A few sentences above the list of services. Also used as the description in search results.",
    )
    body = StreamField(
        BodyBlock(), blank=True, verbose_name="Page content",
        help_text="Shown under the service cards: a comparison table of the ways to meet works well here.",
    )

    content_panels = SitePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.ServicePage"]
    max_count = 1
    summary_field = "introduction"

    class Meta:
        verbose_name = "Services list"

    def get_services(self):
        """Live, public services in the order set in the admin, with card images, in two queries."""
        return (
            ServicePage.objects.child_of(self).live()
            # A subquery rather than .public(), which costs a query of its own;
            # a restriction on this list or above it already hides the whole page.
            .exclude(pk__in=PageViewRestriction.objects.values("page_id"))
            .defer_streamfields()
            .select_related("card_image")
            .prefetch_related("card_image__renditions")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = self.get_services()
        return context

    def route(self, request, path_components):
        # The service and its card image in one query, where Wagtail would use two or three.
        if path_components:
            service = ServicePage.objects.child_of(self).select_related("card_image").filter(slug=path_components[0]).first()
            if service is not None:
                service._cached_parent_obj = self
                return service.route(request, path_components[1:])
        return super().route(request, path_components)
