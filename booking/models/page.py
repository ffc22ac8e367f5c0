"""The booking page: its wording, and the availability the therapist offers for introductory calls.

Availability lives on the page (a tab of its own) so the therapist finds it
where visitors book, previews it, and publishes a change like any other edit.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.cache import add_never_cache_headers
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from home.models import SitePage
from home.permissions import private_field


class Way(models.TextChoices):
    PHONE = "phone", "Phone call"
    VIDEO = "video", "Video call"


WEEKDAYS = [(0, "Monday"), (1, "Tuesday"), (2, "Wednesday"), (3, "Thursday"), (4, "Friday"), (5, "Saturday"), (6, "Sunday")]


class AvailabilityWindow(Orderable):
    page = ParentalKey("BookingPage", on_delete=models.CASCADE, related_name="windows")
    weekday = models.PositiveSmallIntegerField("Day", choices=WEEKDAYS, help_text="Every week on this day.")
    starts = models.TimeField("From", help_text="UK time, for example 12:00.")
    ends = models.TimeField("Until", help_text="The last call ends by this time, for example 13:00.")

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("starts"), FieldPanel("ends")])]

    class Meta(Orderable.Meta):
        verbose_name = "weekly time for calls"

    def clean(self):
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": "“Until” must be later than “From” on the same day."})


class BlockedDate(Orderable):
    page = ParentalKey("BookingPage", on_delete=models.CASCADE, related_name="blocked_dates")
    first_day = models.DateField("First day", help_text="No calls are offered from this day…")
    last_day = models.DateField("Last day", null=True, blank=True, help_text="…to this day. Leave empty for one day.")
    note = models.CharField(
        "Note for you", max_length=120, blank=True, help_text="Only you see this, for example “Holiday”.",
    )

    panels = [FieldRowPanel([
        FieldPanel("first_day"), FieldPanel("last_day"),
        FieldPanel("note", help_text="Only you see this, for example “Training day”."),
    ])]

    class Meta(Orderable.Meta):
        verbose_name = "date without calls"

    def clean(self):
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError({"last_day": "The last day cannot be before the first day."})

    def covers(self, day):
        return self.first_day <= day <= (self.last_day or self.first_day)


def _minutes(label, default, low, high, help_text):
    return models.PositiveSmallIntegerField(
        label, default=default, validators=[MinValueValidator(low), MaxValueValidator(high)], help_text=help_text,
    )


class BookingPage(RoutablePageMixin, SitePage):
    # --- Wording -------------------------------------------------------------
    introduction = models.TextField(
        "Introduction", blank=True, help_text="A few kind words above the times. Leave a blank line between paragraphs.",
    )
    thank_you_text = models.TextField(
        "After booking", blank=True,
        help_text="Shown once a visitor has confirmed their request from the e-mail: what happens next. "
                  "Leave a blank line between paragraphs.",
    )
    closed_text = models.TextField(
        "When booking is closed", blank=True,
        help_text="Shown instead of the times when you are not taking new clients or have many requests to answer. "
                  "A link to the contact form is added after it.",
    )
    consent_label = models.CharField(
        "Consent box", max_length=300,
        default="I agree that my details may be kept in order to arrange this call.",
        help_text="The box visitors tick. Say who keeps what and why.",
    )

    # --- Availability ----------------------------------------------------------
    call_minutes = _minutes("Call length (minutes)", 20, 5, 120, "How long an introductory call lasts.")
    gap_minutes = _minutes("Gap between calls (minutes)", 10, 0, 120, "Time to yourself between two calls.")
    notice_hours = _minutes(
        "Minimum notice (hours)", 24, 0, 24 * 14, "Visitors cannot book a call starting sooner than this.",
    )
    weeks_ahead = _minutes("How far ahead (weeks)", 3, 1, 26, "Times are offered this many weeks ahead.")
    max_waiting = _minutes(
        "Most requests waiting for your answer", 10, 1, 200,
        "When this many requests wait for your answer, booking closes until you answer some.",
    )
    answer_within_hours = _minutes(
        "Answer within (hours)", 48, 1, 24 * 14,
        "A request you have not answered in this time is closed, and the visitor is told so by e-mail.",
    )
    offer_phone = models.BooleanField("Offer phone calls", default=True, help_text="You ring the visitor.")
    offer_video = models.BooleanField("Offer video calls", default=True, help_text="You send a link in the confirmation.")
    phone_instructions = models.TextField(
        "How a phone call happens", blank=True, help_text="Put in the confirmation e-mail, for example “I will ring you”.",
    )
    video_instructions = models.TextField(
        "How a video call happens", blank=True,
        help_text="Put in the confirmation e-mail: the link to your video room and anything to know beforehand.",
    )

    # --- Privacy and e-mail ------------------------------------------------------
    ask_for_note = models.BooleanField(
        "Ask for a short note", default=False,
        help_text="Adds an optional box for a line about what the visitor is looking for. It may hold health "
                  "information, so it is treated like an enquiry message.",
    )
    note_label = models.CharField(
        "Label of the note box", max_length=200, blank=True, default="Anything you would like me to know before we talk",
        help_text="Only used when the note box is on.",
    )
    include_note_in_email = models.BooleanField(
        "Put the note in notification e-mails", default=False,
        help_text="When off, the e-mail tells you a request arrived and you read it in the admin.",
    )
    keep_days = _minutes(
        "Delete requests after (days past the call)", 90, 1, 3650,
        "Requests are deleted for good this many days after the call time, by the nightly clean-up.",
    )
    to_address = models.EmailField(
        "Send requests to", blank=True, help_text="Leave empty to use the e-mail address in Practice details.",
    )
    email_subject = models.CharField(
        "E-mail subject", max_length=120, default="New call request from your website",
        help_text="Keep it general: subjects show on lock screens. Never name a service or a health matter here.",
    )

    search_fields = SitePage.search_fields + [index.SearchField("introduction")]
    content_panels = SitePage.content_panels + [
        FieldPanel("introduction"), FieldPanel("thank_you_text"), FieldPanel("closed_text"), FieldPanel("consent_label"),
    ]
    availability_panels = [
        # Calls follow the practice's own days (booking/slots.py): a weekly time on a day the opening hours
        # show as closed is left out rather than refused, because the hours are edited elsewhere and may
        # close a day later on, and a refusal then would stop every other edit of this page until it went.
        InlinePanel(
            "windows", label="Weekly time", heading="Weekly times for calls",
            help_text="Calls are offered only on days your opening hours (Settings › Availability and opening "
                      "hours) show as open: a weekly time on a day shown as closed is not offered.",
        ),
        InlinePanel(
            "blocked_dates", label="Date without calls", heading="Other dates without calls",
            help_text="No calls are ever offered while you are away: your holiday is set once, in Settings › "
                      "Availability and opening hours, so there is no need to add it here. Add any other days "
                      "without calls, for example a training day.",
        ),
        MultiFieldPanel([
            FieldPanel("call_minutes"), FieldPanel("gap_minutes"), FieldPanel("notice_hours"), FieldPanel("weeks_ahead"),
            FieldPanel("max_waiting"), FieldPanel("answer_within_hours"),
        ], heading="Calls"),
        MultiFieldPanel([
            FieldPanel("offer_phone"), FieldPanel("phone_instructions"), FieldPanel("offer_video"),
            FieldPanel("video_instructions"),
        ], heading="Ways to meet"),
    ]
    # Where requests are sent, whether the note travels by e-mail and how long requests are kept are decided
    # only by those who may read requests: the same rule as the contact page's recipient.
    privacy_panels = [
        FieldPanel("ask_for_note"), FieldPanel("note_label"), private_field("include_note_in_email"),
        private_field("keep_days"),
        MultiFieldPanel([private_field("to_address"), FieldPanel("email_subject")], heading="Notification e-mail"),
    ]
    edit_handler = TabbedInterface([
        ObjectList(content_panels, heading="Content"),
        ObjectList(availability_panels, heading="Availability"),
        ObjectList(privacy_panels, heading="Privacy and e-mail"),
        ObjectList(SitePage.promote_panels, heading="Promote"),
    ])

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    summary_field = "introduction"

    class Meta:
        verbose_name = "Booking page"

    def clean(self):
        super().clean()
        if not (self.offer_phone or self.offer_video):
            raise ValidationError({"offer_phone": "Offer at least one way to meet: phone, video or both."})

    def ways(self):
        return [(value, label) for value, label in Way.choices if getattr(self, f"offer_{value}")]

    # --- Serving (booking/views.py does the work) ----------------------------

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Times change with every request, and forms carry a CSRF token: never cached anywhere.
        add_never_cache_headers(response)
        return response

    @path("")
    def booking(self, request):
        from booking.views import booking_view

        return booking_view(request, self)

    @path("request/<str:signed>/", name="manage")
    def manage(self, request, signed):
        from booking.views import manage_view

        return manage_view(request, self, signed)

    @path("confirm/<str:signed>/", name="confirm")
    def confirm(self, request, signed):
        from booking.confirm_views import confirm_view

        return confirm_view(request, self, signed)

    @path("calendar/<str:key>/", name="feed")
    def feed(self, request, key):
        from booking.views import feed_view

        return feed_view(request, self, key)
