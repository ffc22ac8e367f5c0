"""The services a visitor can ask about: whatever service pages are live on the site.

Found through Wagtail's page queries by model name, so the contact app needs
no import from the services app and keeps working if it is removed.
"""

from django.apps import apps
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


def live_services(site_root_path):
    """(slug, title) of each live, public service page under the site root, in page-tree order."""
    try:
        service_model = apps.get_model("services", "ServicePage")
    except LookupError:
        return []
    # Like .public(), but as a subquery: a page is private when a restricted
    # page's path is a prefix of its own. One query instead of two.
    restricted = PageViewRestriction.objects.annotate(prefix_length=Length("page__path")).filter(
        page__path=Substr(OuterRef("path"), 1, F("prefix_length")),
    )
    pages = Page.objects.live().type(service_model).filter(path__startswith=site_root_path).exclude(Exists(restricted))
    return list(pages.order_by("path").values_list("slug", "title"))
