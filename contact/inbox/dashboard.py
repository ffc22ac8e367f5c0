"""The dashboard's enquiries box: how many are new, and the latest few."""

from django.urls import reverse

from contact.inbox.queries import Summaries, enquiries_for
from practice_admin.dashboard import DashboardPanel, Item, Link
from practice_admin.page_panels import when

SHOWN = 5


class EnquiriesPanel(DashboardPanel):
    name = "enquiries"
    order = 20
    heading = "Enquiries"

    def is_shown(self):
        from contact.inbox.queries import contact_pages_for

        return contact_pages_for(self.request.user).exists()

    def get_summary(self):
        new = enquiries_for(self.request.user).filter(read_at__isnull=True).count()
        if not new:
            return "No new enquiries since you last read them."
        return f"{new} new {'enquiry' if new == 1 else 'enquiries'} since you last read them."

    def get_items(self):
        summaries = Summaries()
        return [
            Item(summaries.name(enquiry), reverse("contact_enquiry", args=[enquiry.pk]), when(enquiry.submit_time),
                 "New" if enquiry.is_new else "")
            for enquiry in enquiries_for(self.request.user)[:SHOWN]
        ]

    def get_links(self):
        return [Link("All enquiries", reverse("contact_inbox"))]
