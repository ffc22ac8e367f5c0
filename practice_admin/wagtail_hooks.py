"""The admin for one therapist: quiet menus, her dashboard, Publish on its own, her preferences."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from practice_admin import dashboard, history_words, menus, page_actions
from practice_admin.page_panels import PostsPanel, ShortcutsPanel
from practice_admin.preferences import AdvancedSettingsPanel

hooks.register("construct_main_menu", menus.hide_advanced_main_menu_items)
hooks.register("construct_settings_menu", menus.hide_advanced_settings)
hooks.register("construct_page_action_menu", page_actions.publish_beside_save_draft)
hooks.register("register_account_settings_panel", AdvancedSettingsPanel)


@hooks.register("construct_homepage_panels")
def therapist_dashboard(request, panels):
    dashboard.make_room(request, panels)
    panels.extend([ShortcutsPanel(request), PostsPanel(request)])


@hooks.register("insert_global_admin_css")
def practice_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("practice_admin/admin.css"))


# After Wagtail's own formatters (order 0), so these replace them.
hooks.register("register_log_actions", history_words.register_plain_history, order=100)
