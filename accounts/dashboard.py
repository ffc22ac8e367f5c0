"""The dashboard's sign-in box: whether two-step verification is on, and how many backup codes are left."""

from django.urls import reverse

from practice_admin.dashboard import DashboardPanel, Link

from .devices import backup_codes_left, confirmed_device

# At or below this many, the box suggests making a new set before they run out.
FEW_CODES = 3


class SignInPanel(DashboardPanel):
    name = "two_step"
    order = 80
    heading = "Signing in"

    def get_summary(self):
        user = self.request.user
        if not confirmed_device(user):
            return "Two-step verification is off: turn it on so that a stolen password alone cannot open your enquiries."
        left = backup_codes_left(user)
        summary = f"Two-step verification is on. {left} backup code{'' if left == 1 else 's'} left for when your phone is not to hand."
        if left <= FEW_CODES:
            summary += " Make a new set before they run out."
        return summary

    def get_links(self):
        return [Link("Two-step verification", reverse("two_step_setup"))]
