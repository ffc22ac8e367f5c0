"""E-mails about call requests: to the therapist when one is confirmed or cancelled, to the visitor at each step.

Every e-mail is sent only after the request is committed, and a failure is
logged (by request number only, never its content) and never raised. Subjects
are fixed wording from this file or the page, never a service or anything the
visitor wrote: subjects show on lock screens.

The visitor's e-mails are written in the therapist's voice and signed with
her name and the practice's, both read from Settings › Practice details
(templates in booking/templates/booking/email/). Their wording is fixed; what
she adds to each answer is her own short message.
"""

import logging
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from booking import calendar, tokens
from home.models import PracticeSettings

logger = logging.getLogger(__name__)

SUBJECTS = {
    "confirm": "Please confirm your request for an introductory call",
    "confirmed": "Your introductory call is confirmed",
    "offered": "Another time for your introductory call",
    "declined": "About your request for an introductory call",
    "expired": "Your introductory call time is no longer held",
    "reminder": "Reminder: your introductory call tomorrow",
}
CANCELLED_SUBJECT = "A call request was cancelled"


def _practice(page):
    site = page.get_site()
    return PracticeSettings.for_site(site) if site else PracticeSettings()


def _host(page):
    site = page.get_site()
    return site.hostname if site else "localhost"


def _admin_url(call_request):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("booking_answer", args=[call_request.pk])


def _send(message, call_request, what):
    try:
        sent = message.send()
    except Exception:  # noqa: BLE001 - SMTP, DNS, TLS: whatever fails, the request is already safe
        logger.error("Call request %s: the %s e-mail failed.", call_request.pk, what, exc_info=True)
        return False
    if not sent:  # the backend took it and sent nothing: e-mail is not set up
        logger.error("Call request %s: the %s e-mail was not sent: e-mail is not set up.", call_request.pk, what)
        return False
    logger.info("Call request %s: %s e-mail sent.", call_request.pk, what)
    return True


def notify_therapist(call_request):
    """The new-request e-mail, sent once the visitor has confirmed the request; its outcome is recorded on the request for the admin list."""
    page, status = call_request.page, type(call_request).Notification
    practice = _practice(page)
    to = page.to_address or practice.email
    if not to:
        logger.warning("Call request %s stored; no e-mail sent because no address is set.", call_request.pk)
        return _record(call_request, status.NO_ADDRESS)
    body = render_to_string("booking/email/new_request.txt", {
        "call": call_request, "include_note": page.include_note_in_email, "admin_url": _admin_url(call_request),
    })
    subject = " ".join(page.email_subject.split()) or "New call request from your website"
    message = EmailMessage(subject, body, None, [to], reply_to=[call_request.email])
    _record(call_request, status.SENT if _send(message, call_request, "notification") else status.FAILED)


def notify_cancelled(call_request):
    page = call_request.page
    to = page.to_address or _practice(page).email
    if to:
        body = render_to_string("booking/email/cancelled.txt", {"call": call_request, "admin_url": _admin_url(call_request)})
        _send(EmailMessage(CANCELLED_SUBJECT, body, None, [to]), call_request, "cancellation")


def _from_therapist(practice):
    """The site's sending address under the therapist's own name, so the visitor sees who wrote.

    Never under the practice name: it often names the work ("… Counselling"),
    and the sender shows on a lock screen as plainly as the subject.
    """
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL
    return formataddr((practice.therapist_name, address)) if practice.therapist_name else settings.DEFAULT_FROM_EMAIL


def send_to_visitor(call_request, kind):
    """One of the visitor's e-mails (see SUBJECTS), signed by the therapist; True when it went."""
    page = call_request.page
    practice = _practice(page)
    context = {
        "call": call_request, "practice": practice, "page": page,
        "manage_url": tokens.manage_url(call_request), "booking_url": page.get_full_url(),
        "instructions": page.phone_instructions if call_request.way == "phone" else page.video_instructions,
    }
    if kind == "confirm":
        from booking.confirming import HOLD_MINUTES

        context.update(confirm_url=tokens.confirm_url(call_request), hold_minutes=HOLD_MINUTES)
    body = render_to_string(f"booking/email/{kind}.txt", context)
    reply_to = [practice.email] if practice.email else None
    message = EmailMessage(SUBJECTS[kind], body, _from_therapist(practice), [call_request.email], reply_to=reply_to)
    if kind == "confirmed":
        # A calendar alert shows on a lock screen too: the therapist's name, never the practice's.
        summary = f"Introductory call with {practice.therapist_name}" if practice.therapist_name else "Introductory call"
        ics = calendar.confirmation(call_request, _host(page), summary, context["instructions"])
        message.attach("introductory-call.ics", ics, "text/calendar")
    return _send(message, call_request, kind)


def _record(call_request, notification):
    type(call_request).objects.filter(pk=call_request.pk).update(notification=notification)
    call_request.notification = notification
