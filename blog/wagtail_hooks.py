"""The blog in the admin: authors as a snippet; post links resolved together."""

from wagtail import hooks
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from blog.models import Author
from blog.rich_text_links import prefetched


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "role"]
    copy_view_enabled = False


register_snippet(AuthorViewSet)


@hooks.register("register_bulk_action", order=100)
class DeleteAuthorsBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete for the Authors list, named for authors rather than "snippets".

    Registered after Wagtail's own (order 100), so it replaces it for this model.
    """

    models = [Author]
    aria_label = "Delete selected authors"


class PrefetchedPageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        pages = prefetched(attrs_list)
        return super().get_many(attrs_list) if pages is None else pages


@hooks.register("register_rich_text_features", order=100)
def resolve_post_links_together(features):
    # After Wagtail's own registration (order 0), so this handler replaces it.
    features.register_link_type(PrefetchedPageLinkHandler)
