"""Page history without revision numbers.

Wagtail writes "Revision 123 from … scheduled for publishing at …": the number
means nothing to her. The same entries, dated instead of numbered.
"""

from django.utils.dateformat import format as format_date
from django.utils.dateparse import parse_datetime
from django.utils.timezone import localtime
from wagtail.log_actions import LogFormatter


def _when(value):
    moment = parse_datetime(value) if isinstance(value, str) else value
    return format_date(localtime(moment), "j F Y, H:i") if moment else "a time no longer set"


class ScheduledFormatter(LogFormatter):
    label = "Scheduled to go live"

    def format_message(self, log_entry):
        revision = log_entry.data.get("revision", {})
        if not revision.get("go_live_at"):
            return "Scheduled to go live"
        saved = f"The version saved on {_when(revision['created'])}" if revision.get("created") else "This version"
        return f"{saved} is scheduled to go live on {_when(revision['go_live_at'])}."


class UnscheduledFormatter(LogFormatter):
    label = "Schedule cancelled"

    def format_message(self, log_entry):
        revision = log_entry.data.get("revision", {})
        saved = f"the version saved on {_when(revision['created'])}" if revision.get("created") else "this version"
        if revision.get("go_live_at"):
            return f"Cancelled the schedule for {saved} to go live on {_when(revision['go_live_at'])}."
        return f"Cancelled the schedule for {saved}."


def register_plain_history(actions):
    actions.register_action("wagtail.publish.schedule")(ScheduledFormatter)
    actions.register_action("wagtail.schedule.cancel")(UnscheduledFormatter)
