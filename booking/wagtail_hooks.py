"""The admin: the list of call requests, the answer page, the calendar address and a dashboard panel."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from booking import admin_views
from booking.models import CallRequest
from booking.permissions import CallRequestPermissionPolicy, can_read_requests


class WhenColumn(Column):
    cell_template_name = "booking/admin/when_cell.html"


register_permission_policy(CallRequest, CallRequestPermissionPolicy(CallRequest))


class ConfirmedRequestsIndexView(IndexView):
    """Requests their visitor has not confirmed yet are left out: they may be made up, and nothing is asked of her."""

    def get_base_queryset(self):
        return super().get_base_queryset().exclude(status=CallRequest.Status.UNCONFIRMED)


class CallRequestViewSet(ModelViewSet):
    model = CallRequest
    index_view_class = ConfirmedRequestsIndexView
    icon = "date"
    menu_label = "Call requests"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    list_filter = ["status", "way"]
    list_display = [
        TitleColumn("name", label="Name", get_url=lambda obj: reverse("booking_answer", args=[obj.pk])),
        WhenColumn("starts_at", label="Call time (UK)"),
        Column("way", label="Way", accessor="get_way_display"),
        Column("status", label="Status", accessor="get_status_display"),
        Column("notification", label="E-mail to you", accessor="get_notification_display"),
        DateColumn("created_at", label="Asked"),
    ]
    ordering = ["-created_at"]
    # Required by ModelViewSet; the add and edit views are refused by the permission policy (answers go through
    # booking_answer, so a visitor's words are never edited).
    form_fields = ["answer_message"]


call_request_viewset = CallRequestViewSet("booking_callrequest")


@hooks.register("register_admin_viewset")
def register_call_requests():
    return call_request_viewset


@hooks.register("register_admin_urls")
def booking_admin_urls():
    return [
        path("booking/requests/<int:pk>/answer/", admin_views.answer, name="booking_answer"),
        path("booking/calendar-feed/", admin_views.calendar_feed, name="booking_calendar_feed"),
    ]


class CalendarFeedMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_requests(request.user)


@hooks.register("register_settings_menu_item")
def calendar_feed_menu_item():
    return CalendarFeedMenuItem("Calendar of calls", reverse("booking_calendar_feed"), icon_name="calendar", order=900)


class WaitingRequestsPanel(Component):
    """Dashboard: requests that hold a time and wait for the therapist's answer, soonest first."""

    name = "booking_waiting"
    order = 60
    template_name = "booking/admin/waiting_panel.html"

    def get_context_data(self, parent_context=None):
        waiting = CallRequest.objects.filter(status=CallRequest.Status.WAITING).order_by("starts_at")
        return {"waiting": list(waiting[:10]), "count": waiting.count(), "list_url": reverse("booking_callrequest:index")}


@hooks.register("construct_homepage_panels")
def add_waiting_requests_panel(request, panels):
    if can_read_requests(request.user):
        panels.append(WaitingRequestsPanel())
