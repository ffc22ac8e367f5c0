"""What every public page shares: description, share image and JSON-LD."""

from django.utils.functional import cached_property
from wagtail.models import Page

from compat.wagtail import routed_trail
from home import structured_data
from home.admin_forms import SitePageForm
from home.admin_panels import PROMOTE_PANELS, SETTINGS_PANELS
from home.streams import faq_pairs
from home.visibility import PrivateSectionsMixin


class SitePage(PrivateSectionsMixin, Page):
    """Abstract base of every page type on the public site."""

    promote_panels = PROMOTE_PANELS
    settings_panels = SETTINGS_PANELS

    # Subclasses name the field whose text describes them when the promote
    # tab's description is empty (an introduction or a summary).
    summary_field = None
    # Subclasses name an image field to use as the sharing image.
    image_field = None
    # Stream fields whose FAQ blocks feed the FAQPage JSON-LD.
    faq_stream_fields = ("body",)
    # Adds the go-live / end-time check to every page's editing form.
    base_form_class = SitePageForm

    class Meta:
        abstract = True

    def get_meta_description(self):
        if self.search_description:
            return self.search_description
        if self.summary_field:
            text = getattr(self, self.summary_field, "") or ""
            return " ".join(str(text).split())[:300]
        return ""

    def get_share_image(self):
        return getattr(self, self.image_field, None) if self.image_field else None

    @cached_property
    def breadcrumb_trail(self):
        """The site's home page down to this page: the visible breadcrumb and its JSON-LD."""
        return routed_trail(self) or [p for p in self.get_ancestors(inclusive=True).specific(defer=True) if p.depth > 1]

    def get_faq_pairs(self):
        pairs = []
        for name in self.faq_stream_fields:
            pairs.extend(faq_pairs(getattr(self, name, None)))
        return pairs

    def get_structured_data(self, request, practice):
        """Objects for this page's JSON-LD graph; page types add their own."""
        items = []
        if self.depth > 2:
            items.append(structured_data.breadcrumbs(self, request))
        pairs = self.get_faq_pairs()
        if pairs:
            items.append(structured_data.faq_page(pairs))
        return items

    def get_json_ld(self, request, practice):
        return structured_data.graph(*self.get_structured_data(request, practice))
