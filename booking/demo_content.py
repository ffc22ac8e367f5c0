"""The demo booking page: weekly times, a date without calls, and requests in every state."""

from datetime import time, timedelta

from booking import clock
from booking.clock import LONDON
from booking.models import AvailabilityWindow, BlockedDate, BookingPage, CalendarFeed, CallRequest
from booking.slots import availability
from home.demo import upsert_page

SLUG = "book-a-call"
# (weekday, from, until): Tuesday lunchtime, Thursday evening, Saturday morning.
WINDOWS = [(1, time(12), time(13)), (3, time(18), time(19, 30)), (5, time(10), time(12))]
Status = CallRequest.Status


def load(ctx):
    today = clock.now().astimezone(LONDON).date()
    # Two weeks on, the Thursday: a training day, so no calls.
    training_day = today + timedelta(days=14 + (3 - today.weekday()) % 7)
    page, created = upsert_page(
        ctx, ctx.home, BookingPage, SLUG, title="Book a free call", show_in_menus=True,
        seo_title="Book a free introductory call with Ben",
        search_description="Choose a time for a free, no-obligation introductory call by phone or video.",
        introduction=(
            "Choose a time for a free introductory call of twenty minutes, by phone or video. "
            "It is a chance to ask questions and see whether we would work well together: no obligation, "
            "and you do not need to explain anything you are not ready to share.\n\n"
            "I confirm each request myself, usually within a day."
        ),
        thank_you_text=(
            "I will confirm the time by e-mail within two working days, usually sooner. The confirmation has a "
            "calendar file and a link to cancel if your plans change.\n\n"
            "If you need help before then, call NHS 111 (mental health option) or Samaritans on 116 123."
        ),
        closed_text=(
            "I cannot offer introductory calls just now. You are still welcome to write to me, and I will reply "
            "within two working days."
        ),
        consent_label="I agree that Ben may keep my name and contact details in order to arrange this call.",
        phone_instructions="I will ring you at the time above from a withheld number.",
        video_instructions=(
            "Join at the time above: https://video.example.org/ben-intro (works in your browser, nothing to install)."
        ),
        to_address="ben@example.org",
        windows=[AvailabilityWindow(weekday=day, starts=start, ends=end) for day, start, end in WINDOWS],
        blocked_dates=[BlockedDate(first_day=training_day, note="Training day")],
    )
    CalendarFeed.objects.get_or_create(page=page)
    if created or not CallRequest.objects.filter(page=page).exists():
        _requests(page)


def _requests(page):
    """One request in each state; the ones that hold a time take the first free times."""
    now = clock.now()
    free = availability(page, now).free
    people = [
        ("Alex Morgan", "alex@example.org", "07700 900001", "phone"),
        ("Sam Patel", "sam@example.org", "", "video"),
        ("Jo Williams", "jo@example.org", "07700 900003", "phone"),
        ("Chris Taylor", "chris@example.org", "", "video"),
        ("Ruth Evans", "ruth@example.org", "07700 900005", "phone"),
        ("Lee Jones", "lee@example.org", "", "video"),
    ]
    length = timedelta(minutes=page.call_minutes)
    past = [now - timedelta(days=days, hours=3) for days in (12, 9, 5)]
    plans = [
        (Status.WAITING, free[0].starts_at if free else None, now - timedelta(hours=3), ""),
        (Status.OFFERED, free[2].starts_at if len(free) > 2 else None, now - timedelta(hours=20),
         "Tuesday does not work for me that week; would this time suit you instead?"),
        (Status.CONFIRMED, free[4].starts_at if len(free) > 4 else None, now - timedelta(days=1), "Looking forward to it."),
        (Status.DECLINED, past[0], past[0] - timedelta(days=3), "I am not the right person for this, sorry."),
        (Status.EXPIRED, past[1], past[1] - timedelta(days=4), ""),
        (Status.CANCELLED, past[2], past[2] - timedelta(days=2), ""),
    ]
    for (status, starts_at, asked, message), (name, email, phone, way) in zip(plans, people, strict=True):
        if starts_at is None:
            continue
        CallRequest.objects.create(
            page=page, status=status, starts_at=starts_at, ends_at=starts_at + length, way=way, name=name,
            email=email, phone=phone, created_at=asked, waiting_since=asked, answer_message=message,
            answered_at=None if status in (Status.WAITING, Status.EXPIRED, Status.CANCELLED) else asked + timedelta(hours=5),
            notification=CallRequest.Notification.SENT,
        )


def finish(ctx):
    """Every "book a call" button leads here."""
    from wagtail.models import Site

    from home.models import PracticeSettings

    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    if ctx.pages.get(SLUG) and not practice.booking_page_id:
        practice.booking_page = ctx.pages[SLUG]
        practice.save()
