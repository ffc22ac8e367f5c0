"""The visitor's side: choosing a time, managing a request from an e-mail link, and the therapist's feed."""

import logging
import uuid
from datetime import timedelta

from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from wagtail.models import Site

from booking import answers, calendar, clock, confirming, emails, holding, opening, tokens
from booking.forms import BookingForm
from booking.models import CalendarFeed, CallRequest
from booking.slots import availability
from contact import ratelimit
from contact.service_choices import live_services
from contact.text import clean_submitted
from home import lead_source
from home.models import PracticeSettings
from practice.facts import facts_for_request

logger = logging.getLogger(__name__)
TEMPLATE = "booking/booking_page.html"


def render(request, page, status=200, **context):
    full = page.get_context(request)
    full.update(context)
    full.setdefault("contact_page", PracticeSettings.for_request(request).contact_page)
    # The page the visitor came from rides along in a hidden field, for Insights' per-page counts.
    full["came_from"] = lead_source.submitted_from(request) if request.method == "POST" else lead_source.came_from(request)
    return TemplateResponse(request, TEMPLATE, full, status=status)


def booking_view(request, page):
    site = Site.find_for_request(request)
    reason = opening.closed_reason(page, site)
    if reason:
        return render(request, page, closed=reason)
    services = live_services(page.path[: page.steplen * 2])
    data = clean_submitted(request.POST) if request.method == "POST" else None
    form = BookingForm(data, page=page, availability=availability(page, facts=facts_for_request(request)), services=services)
    if data is None:
        wanted = request.GET.get("service", "")
        if "service" in form.fields and any(wanted == value for value, _ in form.fields["service"].choices):
            form.initial["service"] = wanted
        return render(request, page, form=form)
    return _submit(request, page, form)


def _submit(request, page, form):
    already = _already_stored(form.data.get(BookingForm.TOKEN))
    if already:
        # The same form again (double click, reload): thanked again, no second e-mail.
        return render(request, page, booked=already, hold_minutes=confirming.HOLD_MINUTES)
    if not form.is_valid():
        status = 409 if form.slot_taken else 200
        return render(request, page, status=status, form=form)
    rate = ratelimit.current_rate()
    if not ratelimit.allow(request, rate):
        response = render(request, page, status=429, form=form, problem="rate_limited", rate=rate)
        response["Retry-After"] = str(rate.seconds)
        return response
    try:
        call_request = holding.hold(page, form, confirming.visitor_key(request))
    except holding.AlreadyStored as stored:
        return render(request, page, booked=stored.existing, hold_minutes=confirming.HOLD_MINUTES)
    except holding.Taken:
        form.mark_taken()
        return render(request, page, status=409, form=form)
    except holding.Full:
        return render(request, page, closed=opening.FULL)
    except DatabaseError:
        logger.error("A call request could not be stored; the visitor was asked to try again.", exc_info=True)
        return render(request, page, status=503, form=form, problem="not_stored")
    # Stored and committed: the visitor's confirm link goes now, so that they are told at once if it cannot.
    # The therapist hears of the request only once it is confirmed (confirming.py).
    if not emails.send_to_visitor(call_request, "confirm"):
        CallRequest.objects.filter(pk=call_request.pk, status=CallRequest.Status.UNCONFIRMED).delete()
        return render(request, page, status=503, form=form, problem="no_email")
    lead_source.count_lead(request, "booking")
    return render(request, page, booked=call_request, hold_minutes=confirming.HOLD_MINUTES)


def _already_stored(token):
    try:
        token = uuid.UUID(str(token))
    except ValueError:
        return None
    return CallRequest.objects.filter(token=token).first()


def manage_view(request, page, signed):
    """From the visitor's e-mail: see the request, accept an offered time, or cancel."""
    pk = tokens.unsign(signed)
    call_request = CallRequest.objects.filter(pk=pk, page=page).first() if pk else None
    if call_request is None:
        raise Http404("This link is not valid, or the request has been deleted.")
    done = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "cancel":
                answers.visitor_cancels(call_request)
                done = "cancelled"
            elif action == "accept":
                answers.visitor_accepts(call_request)
                done = "accepted"
        except answers.Refused:
            call_request.refresh_from_db()
    context = page.get_context(request)
    context.update(call=call_request, done=done, in_past=call_request.starts_at <= clock.now())
    response = TemplateResponse(request, "booking/manage_request.html", context)
    add_never_cache_headers(response)
    return response


def feed_view(request, page, key):
    feed = CalendarFeed.objects.filter(page=page, key=key).first()
    if feed is None or not key:
        raise Http404
    since = clock.now() - timedelta(days=31)
    confirmed = CallRequest.objects.filter(
        page=page, status=CallRequest.Status.CONFIRMED, starts_at__gte=since,
    ).order_by("starts_at")
    site = page.get_site()
    body = calendar.feed(confirmed, site.hostname, f"Introductory calls – {site.site_name or site.hostname}")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
