"""What the therapist decides about enquiries: what the e-mail says and how long enquiries are kept.

A site setting rather than fields of the contact page: these are privacy
decisions about every enquiry ever stored, not wording of one page, so they
take effect as soon as they are saved (no draft, no publishing) and they live
next to the practice details under Settings.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import lazy
from wagtail.admin.panels import HelpPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from home.permissions import private_field

DEFAULT_RETENTION_DAYS = 180


def _rate_limit_note():
    from contact.ratelimit import current_rate

    rate = current_rate()
    return (
        f"<p>To keep automated spam out, one connection can send at most {rate.count} enquiries per {rate.period_name}. "
        "A visitor who reaches the limit is asked to wait, or to phone or e-mail you instead, and keeps what they typed. "
        "Whoever looks after the server can change this (the CONTACT_RATE_LIMIT setting).</p>"
    )


@register_setting(icon="mail")
class EnquirySettings(BaseSiteSetting):
    include_message_in_email = models.BooleanField(
        "Put the visitor's message in notification e-mails", default=False,
        help_text=(
            "When this is off, the e-mail tells you who wrote and how to reach them, and you read their message in "
            "the admin. E-mail is less private than this site, so leave it off unless your mailbox is well protected."
        ),
    )
    retention_days = models.PositiveIntegerField(
        "Delete enquiries after (days)", default=DEFAULT_RETENTION_DAYS,
        validators=[MinValueValidator(7), MaxValueValidator(3650)],
        help_text=(
            "Older enquiries are deleted for good by the nightly clean-up. 180 days is about six months. The consent "
            "box on the contact form says this period by itself; your privacy notice should say the same. Copy "
            "anything you must keep (for a new client, say) into your own records first."
        ),
    )

    # Whoever may change settings but not read enquiries sees only the note on spam.
    panels = [
        private_field("include_message_in_email"),
        private_field("retention_days"),
        HelpPanel(content=lazy(_rate_limit_note, str)(), heading="Spam protection"),
    ]

    class Meta:
        verbose_name = "Enquiry settings"
