"""Admin pages: answering a request, and the therapist's private calendar address."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from booking import answers
from booking.admin_forms import AnswerForm
from booking.models import BookingPage, CalendarFeed, CallRequest
from booking.permissions import can_read_requests
from booking.slots import availability


def answer(request, pk):
    if not can_read_requests(request.user):
        raise PermissionDenied
    call_request = get_object_or_404(CallRequest.objects.select_related("page"), pk=pk)
    page = call_request.page.specific
    form = AnswerForm(request.POST or None, availability=availability(page))
    if request.method == "POST" and call_request.status == CallRequest.Status.WAITING and form.is_valid():
        decision, message = form.cleaned_data["decision"], form.cleaned_data["message"]
        try:
            if decision == "accept":
                answers.accept(call_request, message)
                messages.success(request, "Accepted: the visitor has been sent a confirmation with a calendar file.")
            elif decision == "decline":
                answers.decline(call_request, message)
                messages.success(request, "Declined: the visitor has been told.")
            else:
                answers.offer(call_request, form.cleaned_data["slot"], message)
                messages.success(request, "Another time offered: the visitor can accept it from their e-mail.")
        except answers.Refused:
            messages.error(request, "That did not work: the request changed meanwhile, or the time was just taken.")
        return redirect("booking_answer", pk=call_request.pk)
    return TemplateResponse(request, "booking/admin/answer.html", {
        "call": call_request, "form": form, "page_title": "Call request", "header_icon": "date",
        "can_answer": call_request.status == CallRequest.Status.WAITING,
        # Wagtail's generic form leaves its button blank unless told what it says.
        "submit_button_label": "Send my answer", "submit_button_active_label": "Sending…",
    })


def calendar_feed(request):
    if not can_read_requests(request.user):
        raise PermissionDenied
    page = BookingPage.objects.first()
    feed = CalendarFeed.objects.get_or_create(page=page)[0] if page else None
    if feed and request.method == "POST":
        feed.renew()
        messages.success(request, "New address made. The old one no longer works: add the new one to your calendar app.")
        return redirect("booking_calendar_feed")
    url = page.get_full_url() + page.reverse_subpage("feed", args=[feed.key]) if feed else ""
    return TemplateResponse(request, "booking/admin/calendar_feed.html", {
        "page_title": "Your calendar of calls", "header_icon": "calendar", "feed_url": url, "page": page,
        "list_url": reverse("booking_callrequest:index"),
    })
