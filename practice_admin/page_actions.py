"""The editor's footer: "Save draft" and "Publish" side by side, and no "Unpublish" there.

Wagtail shows its first action as a button and folds the others into a
drop-up, Publish and Unpublish next to each other. Here Publish becomes a
button of its own beside Save draft. Unpublish leaves the footer: a slip
there takes a page off the site. It stays in the "⋯" menu at the top of the
editor and in the page listings, where Wagtail asks for confirmation.
"""

from django.utils.html import format_html_join
from wagtail.admin.action_menu import ActionMenuItem, PublishMenuItem, SaveDraftMenuItem, UnpublishMenuItem


class SideBySide(ActionMenuItem):
    """Several actions rendered as separate buttons where Wagtail expects one."""

    def __init__(self, *items):
        super().__init__(order=items[0].order)
        self.items = items

    def render_html(self, parent_context=None):
        return format_html_join("", "{}", ((item.render_html(parent_context),) for item in self.items))

    @property
    def media(self):
        media = self.items[0].media
        for item in self.items[1:]:
            media += item.media
        return media


def publish_beside_save_draft(menu_items, request, context):
    menu_items[:] = [item for item in menu_items if not isinstance(item, UnpublishMenuItem)]
    save = next((item for item in menu_items if isinstance(item, SaveDraftMenuItem)), None)
    publish = next((item for item in menu_items if isinstance(item, PublishMenuItem)), None)
    if save is None or publish is None:
        return
    rest = [item for item in menu_items if item is not save and item is not publish]
    # Wagtail renders the first item as the footer's own button(s).
    menu_items[:] = [SideBySide(save, publish), *rest]
