"""Dashboard boxes about pages: shortcuts to what she does most, and posts waiting to go live.

Pages of other apps are found through Wagtail's page queries by model name
(as contact/services.py does), so this app imports none of them.
"""

from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from wagtail.models import Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from practice_admin.dashboard import DashboardPanel, Item, Link

SHOWN = 5


def when(moment):
    """A date and time as she reads them: 3 December 2026, 09:00."""
    return format_date(timezone.localtime(moment), "j F Y, H:i")


def first_page_of(request, app_label, model_name):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    return Page.objects.type(model).order_by("path").first()


class ShortcutsPanel(DashboardPanel):
    name = "shortcuts"
    order = 10
    heading = "What would you like to do?"
    template_name = "practice_admin/dashboard/shortcuts.html"

    def get_links(self):
        user, links = self.request.user, []
        blog = first_page_of(self.request, "blog", "BlogIndexPage")
        if blog and blog.permissions_for_user(user).can_add_subpage():
            links.append(Link("Write a post", reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog.pk])))
        services = first_page_of(self.request, "services", "ServiceIndexPage")
        if services and services.permissions_for_user(user).can_edit():
            links.append(Link("Edit a service", reverse("wagtailadmin_explore", args=[services.pk])))
        if user.has_perm("home.change_practicesettings"):
            links.append(Link("Practice details", reverse("wagtailsettings:edit", args=["home", "practicesettings"])))
        if user.has_perm("contact.change_enquirysettings"):
            links.append(Link("Enquiry settings", reverse("wagtailsettings:edit", args=["contact", "enquirysettings"])))
        return links

    def is_shown(self):
        return bool(self.get_links())


class PostsPanel(DashboardPanel):
    """Pages waiting to go live, those whose go-live time has passed, and drafts."""

    name = "posts"
    order = 30
    heading = "Posts and pages waiting"

    def is_shown(self):
        return bool(self.get_items())

    def editable_pages(self):
        return PagePermissionPolicy().instances_user_has_permission_for(self.request.user, "change")

    def get_summary(self):
        items = self.get_items()
        overdue = sum(1 for item in items if item.emphasis == "Overdue")
        if overdue:
            return (f"{overdue} scheduled {'page has' if overdue == 1 else 'pages have'} not gone live yet: "
                    "the site publishes them every few minutes. If one stays here, tell whoever looks after the site.")
        return ""

    def get_items(self):
        if not hasattr(self, "_items"):
            self._items = self._scheduled_items() + self._draft_items()
        return self._items

    def _scheduled(self):
        """Each page's approved go-live time (the revision Wagtail will publish)."""
        revisions = Revision.page_revisions.filter(approved_go_live_at__isnull=False).values_list(
            "object_id", "approved_go_live_at",
        )
        return {int(object_id): go_live for object_id, go_live in revisions}

    def _scheduled_items(self):
        now, scheduled = timezone.now(), self._scheduled()
        pages = self.editable_pages().filter(pk__in=scheduled).specific()
        items = []
        for page in sorted(pages, key=lambda page: scheduled[page.pk]):
            go_live = scheduled[page.pk]
            if go_live <= now:
                items.append(Item(page.get_admin_display_title(), _edit(page), f"was due to go live {when(go_live)}", "Overdue"))
            else:
                items.append(Item(page.get_admin_display_title(), _edit(page), f"goes live {when(go_live)}", "Scheduled"))
        self._scheduled_ids = set(scheduled)
        return items

    def _draft_items(self):
        drafts = (
            self.editable_pages()
            .filter(has_unpublished_changes=True, depth__gt=1)
            .exclude(pk__in=self._scheduled_ids)
            .order_by("-latest_revision_created_at")[:SHOWN]
        )
        items = []
        for page in drafts:
            note = "never published" if not page.live else "has changes not yet published"
            edited = page.latest_revision_created_at
            if edited:
                note += f", last saved {when(edited)}"
            items.append(Item(page.get_admin_display_title(), _edit(page), note, "Draft"))
        return items


def _edit(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])
