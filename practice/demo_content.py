"""Demo practice facts that show every state: a reduced-fee service, a holiday notice
still to come, and a membership due for renewal in 20 days (dates relative to today).

Everything happens in ``finish``: by then home has set up the site and the
other apps have built the service pages the fees point at.
"""

from datetime import time, timedelta
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Site

from .models import AvailabilitySettings, Credential, CredentialSettings, FeesSettings, OpeningHours, ServiceFee

# (service page slug, way of meeting, minutes, fee, reduced fees, reduced from)
DEMO_FEES = (
    ("in-person-counselling", "in_person", 50, "60", "from", "35"),
    ("online-counselling", "online", 50, "55", "none", None),
    ("walk-and-talk-therapy", "walk_and_talk", 60, "65", "none", None),
    ("neurodiverse-counselling", "in_person", 50, "60", "ask", None),
    ("neurodiverse-counselling", "online", 50, "55", "ask", None),
)
# Monday to Thursday 9am to 8pm, Friday 9am to 3pm.
DEMO_HOURS = ((0, 3, time(9), time(20)), (4, None, time(9), time(15)))


def load(ctx):
    """Nothing yet: home's demo may replace Wagtail's first site (and its settings) after this runs."""


def finish(ctx):
    site = Site.objects.get(is_default_site=True)
    today = timezone.localdate()
    _availability(ctx, AvailabilitySettings.for_site(site), today)
    _credentials(ctx, CredentialSettings.for_site(site), today)
    fees = FeesSettings.for_site(site)
    if fees.fees.exists() and not ctx.refresh:
        return
    fees.fees.all().delete()
    for order, (slug, way, minutes, fee, reduced, reduced_from) in enumerate(DEMO_FEES):
        if slug not in ctx.pages:
            continue
        ServiceFee.objects.create(
            settings=fees, sort_order=order, service=ctx.pages[slug], way_of_meeting=way, session_minutes=minutes,
            fee=Decimal(fee), reduced_fees=reduced, reduced_fee_from=Decimal(reduced_from) if reduced_from else None,
        )
    fees.intro_call_minutes = 20
    fees.intro_call_fee = Decimal("0")
    fees.how_to_pay = "By bank transfer within two days of each session; I e-mail a short invoice after we meet."
    fees.cancellation_notice_hours = 48
    fees.cancellation_charge = "full"
    fees.save()
    ctx.log("  fees for each service")


def _availability(ctx, settings, today):
    if not settings.opening_hours.exists() or ctx.refresh:
        settings.opening_hours.all().delete()
        for order, (first, last, opens, closes) in enumerate(DEMO_HOURS):
            OpeningHours.objects.create(settings=settings, sort_order=order, first_day=first, last_day=last, opens=opens, closes=closes)
    # A holiday that has come and gone is replaced, so the demo always shows one still to come.
    if settings.holiday_ends is None or settings.holiday_ends < today or ctx.refresh:
        settings.holiday_starts = today + timedelta(days=12)
        settings.holiday_ends = today + timedelta(days=20)
        settings.holiday_notice_from = today
        settings.holiday_message = "Messages sent while I am away are answered the day I am back."
        settings.save()
        ctx.log("  a holiday notice for the coming weeks")


def _credentials(ctx, settings, today):
    existing = list(settings.credentials.all())
    # The old demo membership (number "000000 (demo)") makes way for a complete one.
    if existing and not ctx.refresh and not any("(demo)" in credential.register_number for credential in existing):
        return
    settings.credentials.all().delete()
    Credential.objects.create(
        settings=settings, sort_order=0,
        body_name="British Association for Counselling and Psychotherapy", body_abbreviation="BACP",
        body_url="https://www.bacp.co.uk/",
        grade="Registered Member MBACP",
        # An example number: the demo practice is not a real member.
        register_number="123456",
        register_url="https://www.bacp.co.uk/search/Register?RegisterNumber=123456",
        accredited_register=True,
        renews_on=today + timedelta(days=20),
        last_checked_on=today - timedelta(days=40),
    )
    settings.ico_number = "ZB123456"
    settings.ico_renews_on = today + timedelta(days=200)
    settings.save()
    ctx.log("  a BACP membership due for renewal in 20 days, and an ICO registration")
