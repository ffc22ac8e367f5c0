"""The services a visitor can ask about: whatever service pages are visible on the site.

Found through Wagtail's page queries by model name, so the contact app needs
no import from the services app and keeps working if it is removed.
"""

from django.apps import apps
from wagtail.models import Page

from home.visibility import visible


def live_services(site_root_path):
    """(slug, title) of each live, public service page under the site root, in page-tree order."""
    try:
        service_model = apps.get_model("services", "ServicePage")
    except LookupError:
        return []
    pages = visible(Page.objects.type(service_model)).filter(path__startswith=site_root_path)
    return list(pages.order_by("path").values_list("slug", "title"))
