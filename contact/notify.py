"""The e-mail that tells the therapist an enquiry has arrived.

It runs only once the enquiry is committed to the database. A failure to send
is logged and recorded on the enquiry, never raised: the enquiry is safe, and
the visitor has nothing to retry. Logs name the enquiry by number only, never
by its content. The subject is the page's fixed text, never the visitor's words.
"""

import logging

from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.admin.mail import send_mail

from home import public_url

logger = logging.getLogger(__name__)

DEFAULT_SUBJECT = "New enquiry from your website"


def recipients(page, fallback):
    addresses = [address.strip() for address in page.to_address.split(",") if address.strip()]
    return addresses or ([fallback] if fallback else [])


def answer_lines(form, include_message):
    """(label, text) for each answer; free text is replaced by a pointer to the admin unless included."""
    free_text = form.free_text_names()
    lines = []
    for field in form.answer_fields():
        value = form.cleaned_data.get(field.name)
        if isinstance(value, list | tuple):
            value = ", ".join(str(item) for item in value)
        value = "" if value is None else str(value)
        if field.name in free_text and value and not include_message:
            value = "(left out of this e-mail: read it in the admin)"
        lines.append((field.label, value or "(left empty)"))
    return lines


def reply_address(form):
    for field in form.answer_fields():
        if field.field.widget.input_type == "email" and form.cleaned_data.get(field.name):
            return [form.cleaned_data[field.name]]
    return None


def send_notification(page, submission, form, include_message, fallback_address=""):
    status = type(submission).Notification
    to = recipients(page, fallback_address)
    if not to:
        logger.warning("Enquiry %s stored; no e-mail sent because no address is set.", submission.pk)
        _record(submission, status.NO_ADDRESS)
        return
    reply_to = reply_address(form)
    body = render_to_string("contact/email/notification.txt", {
        "lines": answer_lines(form, include_message),
        "reply_to": reply_to,
        "submission": submission,
        "admin_url": public_url.absolute(reverse("wagtailforms:list_submissions", args=[page.pk])),
    })
    subject = " ".join((page.subject or DEFAULT_SUBJECT).split())
    try:
        sent = send_mail(subject, body, to, page.from_address or None, reply_to=reply_to)
    except Exception:  # noqa: BLE001 - SMTP, DNS, TLS: whatever fails, the enquiry is already safe
        logger.error("Enquiry %s stored, but the notification e-mail failed.", submission.pk, exc_info=True)
        _record(submission, status.FAILED)
        return
    if not sent:  # contact.mail.NoEmailBackend: SMTP is not set up on this server
        logger.warning("Enquiry %s stored; no e-mail sent because e-mail is not set up (EMAIL_HOST).", submission.pk)
        _record(submission, status.NOT_SET_UP)
        return
    logger.info("Enquiry %s stored and notified.", submission.pk)
    _record(submission, status.SENT)


def _record(submission, notification):
    type(submission).objects.filter(pk=submission.pk).update(notification=notification)
    submission.notification = notification
