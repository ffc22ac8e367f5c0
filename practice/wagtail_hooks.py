"""The dashboard reminds the therapist of every renewal due within 30 days."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .facts import RENEWAL_WARNING_DAYS, PracticeFacts
from .models import CredentialSettings


class RenewalsPanel(Component):
    name = "practice_renewals"
    template_name = "practice/admin/renewals_panel.html"
    order = 50  # near the top: a lapsed membership is hidden from the site

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        facts = PracticeFacts()
        due = [
            {"what": what, "date": date, "overdue": date < facts.today, "days": (date - facts.today).days}
            for what, date in facts.renewals_due()
        ]
        return {
            "due": due,
            "days": RENEWAL_WARNING_DAYS,
            "edit_url": reverse("wagtailsettings:edit", args=[CredentialSettings._meta.app_label, CredentialSettings._meta.model_name]),
        }

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        return super().render_html(parent_context) if context["due"] else ""


@hooks.register("construct_homepage_panels")
def add_renewals_panel(request, panels):
    panels.append(RenewalsPanel(request))
