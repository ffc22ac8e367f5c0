from .feed import CalendarFeed
from .page import AvailabilityWindow, BlockedDate, BookingPage, Way
from .request import CallRequest

__all__ = ["AvailabilityWindow", "BlockedDate", "BookingPage", "CalendarFeed", "CallRequest", "Way"]
