"""One way of meeting the therapist: in the room, online, outdoors, or adapted sessions."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import BodyBlock
from home.blocks.text import BODY_FEATURES, heading_anchor
from home.models import SitePage
from services import structured_data
from services.location import LocationKind, location_errors, map_link_label

# Heading labels of the "Where" line and its notes, by kind of place.
_WHERE_LABELS = {
    LocationKind.ROOM: ("Where", "Getting there"),
    LocationKind.ONLINE: ("How we meet", "What you need"),
    LocationKind.OUTDOORS: ("Where we meet", "Getting there"),
}
# Ids the template gives its own sections; a heading in the body must not reuse one.
SECTION_ANCHORS = ("practical-details", "who-it-is-for", "what-a-session-is-like")


class ServicePage(SitePage):
    summary = models.TextField(
        "Summary", max_length=300,
        help_text="One or two sentences for the service's card and for search results.",
    )
    card_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Card image",
        help_text="A calm picture for the card on the services page, the top of this page and social media.",
    )
    who_it_is_for = RichTextField(
        "Who it is for", blank=True, features=BODY_FEATURES,
        help_text="The people and situations this way of working suits, and when another option might suit better.",
    )
    what_to_expect = RichTextField(
        "What a session is like", blank=True, features=BODY_FEATURES,
        help_text="Walk a first-time client through a session, from arriving to saying goodbye.",
    )
    fee_note = models.CharField(
        "About the fee", max_length=200, blank=True,
        help_text="Optional, shown under the fees, for example “The extra ten minutes allow for the walk back.” "
                  "The fees themselves are in Settings › Fees and practicalities.",
    )
    location_kind = models.CharField(
        "Where sessions happen", max_length=10, choices=LocationKind.choices, default=LocationKind.ROOM,
        help_text="Decides what the page shows: your street address only for the practice room, "
                  "the video service for online work, the meeting place for outdoor sessions.",
    )
    video_platform = models.CharField(
        "Video service", max_length=150, blank=True,
        help_text="For online sessions, for example “Zoom, with a new private link each week”.",
    )
    meeting_point = models.CharField(
        "Meeting point", max_length=150, blank=True,
        help_text="For outdoor sessions: a park or area, never a street address, for example “Pittville Park, by the boating lake”.",
    )
    meeting_point_map = models.URLField(
        "Map link for the meeting point", blank=True,
        help_text="Optional, for outdoor sessions: the place's address on openstreetmap.org. Visitors see a link, "
                  "not a map, so nothing loads from another website unless they choose to open it.",
    )
    getting_there = models.TextField(
        "Getting there", blank=True,
        help_text="Directions, parking and buses; for online sessions, what to have ready.",
    )
    access = models.TextField(
        "Access", blank=True,
        help_text="Steps, lifts, toilets, seating, paths, lighting or captions: what a disabled or sensory-sensitive client needs to know.",
    )
    body = StreamField(
        BodyBlock(), blank=True, verbose_name="Page content",
        help_text="Everything else: more detail, a comparison, questions and answers.",
    )

    content_panels = SitePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("card_image"),
        FieldPanel("who_it_is_for"),
        FieldPanel("what_to_expect"),
        MultiFieldPanel([FieldPanel("fee_note")], heading="About the fee"),
        MultiFieldPanel(
            [FieldPanel("location_kind"), FieldPanel("video_platform"), FieldPanel("meeting_point"),
             FieldPanel("meeting_point_map"), FieldPanel("getting_there"), FieldPanel("access")],
            heading="Where you meet",
        ),
        FieldPanel("body"),
    ]
    # Page.search_fields already indexes the title with a boost.
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("who_it_is_for"),
        index.SearchField("what_to_expect"),
        index.SearchField("meeting_point"),
        index.SearchField("body"),
        index.FilterField("location_kind"),
    ]
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []
    summary_field = "summary"
    image_field = "card_image"

    class Meta:
        verbose_name = "Service"

    def clean(self):
        super().clean()
        errors = location_errors(self)
        clash = next((anchor for anchor in self._heading_anchors() if anchor in SECTION_ANCHORS), None)
        if clash:
            errors["body"] = (
                f"The page already has a section with the link name “{clash}”. "
                "Give this heading a different wording or link name."
            )
        if errors:
            raise ValidationError(errors)

    def _heading_anchors(self):
        return [heading_anchor(block.value) for block in self.body or [] if block.block_type == "heading"]

    @property
    def hides_street_address(self):
        """True for outdoor work: the page, its footer and its JSON-LD then leave the room's address out."""
        return self.location_kind == LocationKind.OUTDOORS

    @property
    def enquiry_query(self):
        """The contact page preselects this service from ?service=<slug>."""
        return "?" + urlencode({"service": self.slug})

    @property
    def where_labels(self):
        return _WHERE_LABELS.get(self.location_kind, _WHERE_LABELS[LocationKind.ROOM])

    @property
    def map_link_label(self):
        return map_link_label(self.meeting_point_map) if self.meeting_point_map else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read by the closing invitation and by call-to-action blocks that lead
        # to the contact page, so every "get in touch" here names the service.
        context["cta_query"] = self.enquiry_query
        # The invitations on this page show this service's own fee.
        context["cta_fee_page"] = self
        return context

    def get_structured_data(self, request, practice):
        return [structured_data.service(self, practice, request)] + super().get_structured_data(request, practice)
