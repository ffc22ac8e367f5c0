"""The dashboard as the therapist's home: one box per thing she may need to act on.

Every app adds its own box through Wagtail's ``construct_homepage_panels``
hook with a subclass of ``DashboardPanel``, so all boxes look alike. Slots by
``order``: shortcuts 10, enquiries 20, posts 30; other apps 40-90; Wagtail's
"Your most recent edits" stays last (250).
"""

from dataclasses import dataclass

from wagtail.admin.ui.components import Component

# Wagtail's own boxes a one-person practice never needs: moderation queues
# (workflows are off) and news about Wagtail releases.
WAGTAIL_PANELS_TO_DROP = {
    "workflow_objects_to_moderate",
    "user_objects_in_workflow_moderation",
    "whats_new_in_wagtail_version",
}


@dataclass
class Item:
    """One line in a box: a link and a short note beside it (a date, a status)."""

    label: str
    url: str
    note: str = ""
    emphasis: str = ""  # a word shown before the label in bold, such as "New" or "Overdue"


@dataclass
class Link:
    label: str
    url: str


class DashboardPanel(Component):
    name = ""
    order = 100
    heading = ""
    template_name = "practice_admin/dashboard/panel.html"

    def __init__(self, request):
        self.request = request

    def is_shown(self):
        return True

    def get_summary(self):
        """A sentence under the heading, such as "2 new enquiries"."""
        return ""

    def get_items(self):
        return []

    def get_links(self):
        """Links under the list, such as "All enquiries"."""
        return []

    def get_context_data(self, parent_context=None):
        return {
            "panel": self,
            "heading": self.heading,
            "summary": self.get_summary(),
            "items": self.get_items(),
            "links": self.get_links(),
        }

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.is_shown() else ""


def make_room(request, panels):
    """Drop Wagtail's boxes a solo practice never needs."""
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in WAGTAIL_PANELS_TO_DROP]
