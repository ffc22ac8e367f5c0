"""All practice facts for one request, loaded once and shared by templates and JSON-LD.

All facts come from one snapshot row per site (one query per request, whatever
the page shows), and always through this module, so a fee, an hour or a
credential is typed once and read everywhere.
"""

from datetime import timedelta
from functools import cached_property

from django.utils import timezone
from wagtail.models import Site

from . import snapshot
from .availability import availability_from
from .formatting import clock, day_span, money, runs
from .models import (
    AvailabilitySettings,
    CancellationCharge,
    Credential,
    CredentialSettings,
    FeesSettings,
    OpeningHours,
    ReducedFees,
    ServiceFee,
)

RENEWAL_WARNING_DAYS = 30


def facts_for_request(request):
    facts = getattr(request, "_practice_facts", None)
    if facts is None:
        facts = request._practice_facts = PracticeFacts(site=Site.find_for_request(request))
    return facts


class PracticeFacts:
    """The facts of one site, read from its snapshot in one query (see practice.snapshot)."""

    def __init__(self, site=None, today=None, data=None):
        self.site = site or Site.objects.get(is_default_site=True)
        self.today = today or timezone.localdate()
        if data is not None:  # the snapshot, already read (home/site_cache.py)
            self.data = data

    @cached_property
    def data(self):
        return snapshot.load(self.site)

    # --- availability and hours -------------------------------------------------
    @cached_property
    def availability_settings(self):
        return snapshot.restore(AvailabilitySettings, self.data["availability"])

    @cached_property
    def availability(self):
        return availability_from(self.availability_settings, self.today)

    @cached_property
    def opening_hours(self):
        return [snapshot.restore(OpeningHours, row) for row in self.data["opening_hours"]]

    @cached_property
    def open_weekdays(self):
        """The weekday numbers (Monday 0) the opening hours list, or None when no hours are set."""
        return {day for row in self.opening_hours for day in row.days} or None

    def works_on(self, day):
        """Whether the practice works on ``day`` (a UK date): not away on holiday, and open that weekday.

        Introductory calls are offered only on such days, so the holiday and the hours are typed once,
        here, and the booking page follows them."""
        settings = self.availability_settings
        if settings.holiday_starts and settings.holiday_ends and settings.holiday_starts <= day <= settings.holiday_ends:
            return False
        return self.open_weekdays is None or day.weekday() in self.open_weekdays

    @cached_property
    def hours_lines(self):
        """What visitors read: "Monday to Thursday: 9am to 8pm", then the closed days."""
        lines = [
            f"{day_span(row.first_day, row.days[-1])}: {clock(row.opens)} to {clock(row.closes)}"
            for row in self.opening_hours
        ]
        if lines:
            open_days = {day for row in self.opening_hours for day in row.days}
            closed = [day for day in range(7) if day not in open_days]
            lines += [f"{day_span(first, last)}: closed" for first, last in runs(closed)]
        return lines

    # --- fees -------------------------------------------------------------------
    @cached_property
    def fees_settings(self):
        return snapshot.restore(FeesSettings, self.data["fees_settings"])

    @cached_property
    def fees(self):
        """Every fee of a live service, in the order the therapist gave them."""
        return [FeeLine(snapshot.restore(ServiceFee, row), row["service_title"], row["service_url"]) for row in self.data["fees"]]

    def fees_for(self, page):
        return [line for line in self.fees if line.row.service_id == page.pk]

    @cached_property
    def paid_fees(self):
        return sorted(line.row.fee for line in self.fees if line.row.fee)

    @property
    def lowest_fee(self):
        return self.paid_fees[0] if self.paid_fees else None

    @property
    def price_range(self):
        if not self.paid_fees:
            return ""
        low, high = money(self.paid_fees[0]), money(self.paid_fees[-1])
        return low if low == high else f"{low}–{high}"

    @property
    def intro_call(self):
        settings = self.fees_settings
        cost = "free" if not settings.intro_call_fee else money(settings.intro_call_fee)
        return f"{settings.intro_call_minutes} minutes, {cost}"

    @property
    def cancellation(self):
        settings = self.fees_settings
        hours = settings.cancellation_notice_hours
        if settings.cancellation_charge == CancellationCharge.NONE:
            return "You can cancel or move a session at any time without charge."
        charge = CancellationCharge(settings.cancellation_charge).label.lower()
        return f"Cancel or move a session at least {hours} hours before and there is no charge; later than that, {charge} is due."

    # --- credentials ------------------------------------------------------------
    @cached_property
    def credential_settings(self):
        return snapshot.restore(CredentialSettings, self.data["credential_settings"])

    @cached_property
    def all_credentials(self):
        return [snapshot.restore(Credential, row) for row in self.data["credentials"]]

    @cached_property
    def credentials(self):
        """Only those not past their renewal date: an out-of-date claim is never shown."""
        return [credential for credential in self.all_credentials if credential.is_current(self.today)]

    def renewals_due(self, within_days=RENEWAL_WARNING_DAYS):
        """(what, date) for every renewal due within ``within_days`` or already past, soonest first."""
        horizon = self.today + timedelta(days=within_days)
        due = [(str(credential), credential.renews_on) for credential in self.all_credentials if credential.renews_on <= horizon]
        settings = self.credential_settings
        if settings.ico_number and settings.ico_renews_on and settings.ico_renews_on <= horizon:
            due.append(("ICO registration", settings.ico_renews_on))
        return sorted(due, key=lambda item: item[1])


class FeeLine:
    """One row of the fees table, worded for visitors."""

    def __init__(self, row, service_title, service_url):
        self.row = row
        self.service_title = service_title
        self.service_url = service_url

    @property
    def way_of_meeting(self):
        return self.row.get_way_of_meeting_display()

    @property
    def length(self):
        return f"{self.row.session_minutes} minutes"

    @property
    def fee(self):
        return money(self.row.fee)

    @property
    def reduced(self):
        if self.row.reduced_fees == ReducedFees.FROM:
            return f"Reduced-fee places from {money(self.row.reduced_fee_from)}"
        if self.row.reduced_fees == ReducedFees.ASK:
            return "Reduced-fee places: please ask"
        return ""
