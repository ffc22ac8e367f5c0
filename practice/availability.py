"""The public answer to "does the practice have space?", for every app that asks.

Stable API (booking and contact rely on it): ``current_availability(site)``.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.dateformat import format as format_date

from .models import AvailabilitySettings, Status


@dataclass(frozen=True)
class Availability:
    status: str  # "taking", "waiting_list" or "not_taking"
    label: str  # what a visitor reads, e.g. "Waiting list: about 4 weeks"
    message: str  # the therapist's words for when there is no space ("" otherwise)
    holiday_notice: str | None  # "Away 22 Dec – 3 Jan. …" while it should show, else None
    waiting_weeks: int | None = None

    @property
    def taking_new_clients(self):
        """True when a new client can start or join the waiting list."""
        return self.status != Status.NOT_TAKING


def current_availability(site, today=None):
    """Availability of the practice on ``site`` today (Europe/London date)."""
    return availability_from(AvailabilitySettings.for_site(site), today)


def availability_for_request(request, today=None):
    """As ``current_availability``, reusing the settings already loaded for this request."""
    return availability_from(AvailabilitySettings.for_request(request), today)


def availability_from(settings, today=None):
    today = today or timezone.localdate()
    status = settings.status if settings.status in Status.values else Status.TAKING
    return Availability(
        status=status,
        label=_label(status, settings.waiting_weeks),
        message=settings.not_taking_message if status == Status.NOT_TAKING else "",
        holiday_notice=_holiday_notice(settings, today),
        waiting_weeks=settings.waiting_weeks if status == Status.WAITING_LIST else None,
    )


def _label(status, weeks):
    if status == Status.WAITING_LIST:
        if weeks:
            return f"Waiting list: about {weeks} week{'s' if weeks != 1 else ''}"
        return "Waiting list"
    return Status(status).label


def _holiday_notice(settings, today):
    starts, ends = settings.holiday_starts, settings.holiday_ends
    if not (starts and ends) or not (settings.notice_starts() <= today <= ends):
        return None
    notice = f"Away {date_range(starts, ends)}."
    if settings.holiday_message:
        notice += " " + settings.holiday_message
    return notice


def date_range(starts, ends):
    """'22 Dec – 3 Jan': short, as a visitor reads a notice."""
    if starts == ends:
        return format_date(starts, "j M")
    return f"{format_date(starts, 'j M')} – {format_date(ends, 'j M')}"
