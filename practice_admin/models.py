"""Each editor's choice of how much of Wagtail's admin to see.

Per user rather than a site-wide setting: the therapist and whoever looks
after the site for her are often both superusers, and only the latter wants
groups, sites, collections and redirects in the menu.
"""

from django.conf import settings
from django.db import models


class AdminPreferences(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="admin_preferences", verbose_name="User",
    )
    show_advanced = models.BooleanField(
        "Show advanced settings", default=False,
        help_text="Adds the technical parts of the admin to the menu: users and groups, sites, collections, "
                  "redirects, reports and help. Only for whoever looks after the site; leave it off otherwise.",
    )

    class Meta:
        verbose_name = "Admin preferences"
        verbose_name_plural = "Admin preferences"

    def __str__(self):
        return f"Admin preferences of {self.user}"


def shows_advanced(request):
    """True only for a superuser who asked for the advanced parts of the admin (asked once per request)."""
    if not hasattr(request, "_shows_advanced"):
        user = request.user
        request._shows_advanced = bool(
            getattr(user, "is_superuser", False)
            and AdminPreferences.objects.filter(user=user, show_advanced=True).exists()
        )
    return request._shows_advanced
