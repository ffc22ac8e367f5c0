"""The inbox in the admin: its pages, its menu item and its dashboard box.

Imported by contact/wagtail_hooks.py (Wagtail reads hooks from that module only).
"""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from contact.inbox import views
from contact.inbox.dashboard import EnquiriesPanel
from contact.inbox.queries import contact_pages_for, enquiries_for


@hooks.register("register_admin_urls")
def inbox_urls():
    return [
        path("enquiries/", views.InboxView.as_view(), name="contact_inbox"),
        path("enquiries/<int:pk>/", views.EnquiryView.as_view(), name="contact_enquiry"),
        path("enquiries/<int:pk>/mark-as-new/", views.mark_unread, name="contact_enquiry_unread"),
    ]


class EnquiriesMenuItem(MenuItem):
    """"Enquiries", with the number of new ones, for whoever may read them."""

    def is_shown(self, request):
        return contact_pages_for(request.user).exists()

    def render_component(self, request):
        component = super().render_component(request)
        new = enquiries_for(request.user).filter(read_at__isnull=True).count()
        if new:
            component.label = f"Enquiries ({new} new)"
        return component


@hooks.register("register_admin_menu_item")
def inbox_menu_item():
    return EnquiriesMenuItem("Enquiries", reverse("contact_inbox"), name="enquiries", icon_name="mail", order=150)


@hooks.register("construct_homepage_panels")
def enquiries_on_dashboard(request, panels):
    panels.append(EnquiriesPanel(request))
