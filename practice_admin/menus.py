"""Quiet menus: what a one-person practice never needs stays out of the therapist's way.

Hidden by name, not removed: a superuser who ticks "Show advanced settings"
under Account sees them all again, and every page still answers at its
address. Names are Wagtail's menu item names (a test fails if one changes).
"""

from practice_admin.models import shows_advanced

# Main menu: Wagtail's reports and help (which links to Wagtail's own site),
# and the list of forms (the enquiry inbox replaces it).
ADVANCED_MAIN_MENU = {"reports", "help", "forms"}
# Settings: many-editor and many-site machinery.
ADVANCED_SETTINGS_MENU = {"workflows", "workflow-tasks", "users", "groups", "sites", "collections", "redirects"}


def hide_advanced_main_menu_items(request, menu_items):
    if not shows_advanced(request):
        menu_items[:] = [item for item in menu_items if item.name not in ADVANCED_MAIN_MENU]


def hide_advanced_settings(request, menu_items):
    if not shows_advanced(request):
        menu_items[:] = [item for item in menu_items if item.name not in ADVANCED_SETTINGS_MENU]
