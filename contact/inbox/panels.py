"""On the contact page's editor: where its enquiries are read (in place of Wagtail's "submissions" box)."""

from django.urls import reverse
from django.utils.functional import lazy
from wagtail.admin.panels import HelpPanel


def _inbox_note():
    return (
        f'<p>Enquiries sent with this form are under <a href="{reverse("contact_inbox")}">Enquiries</a> '
        "in the menu on the left. Changing the questions here does not change enquiries already received.</p>"
    )


def inbox_link_panel():
    return HelpPanel(content=lazy(_inbox_note, str)(), heading="Enquiries")
