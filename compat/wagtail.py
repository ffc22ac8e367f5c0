"""Wagtail internals this project relies on (checked by tests/test_compat.py)."""


def routed_trail(page):
    """``page`` and its ancestors down from the site's home page, as Wagtail's
    routing loaded them on the way; None when any is missing (a preview, say).

    Private: `Page.route()` keeps each child's parent in treebeard's
    `_cached_parent_obj`. The public `page.get_ancestors()` asks the database
    again for pages routing has just loaded: one more query on every page,
    for the breadcrumb and its JSON-LD.
    """
    trail = [page]
    while trail[-1].depth > 2:
        parent = getattr(trail[-1], "_cached_parent_obj", None)
        if parent is None:
            return None
        trail.append(parent)
    return trail[::-1]


# What the project relies on in Wagtail beyond its documented API, for
# tests/test_compat.py: (object path, attribute, where it is used and why).
RELIED_ON = (
    # routed_trail above: set by Page.route() on each child it returns.
    ("wagtail.models.Page", "route", "routed_trail: reads the _cached_parent_obj that route() sets"),
    # blog/wagtail_hooks.py: the link handler resolves every page link of a
    # rich text in one call; overriding it is the only way to hand it pages
    # fetched once for a whole article (Wagtail asks once per rich text).
    ("wagtail.rich_text.pages.PageLinkHandler", "get_many", "blog.wagtail_hooks.PrefetchedPageLinkHandler"),
    # home/exports.py: every admin export writes each value and heading through
    # these two; wrapping them is the one place formula cells can be neutralised.
    ("wagtail.admin.views.mixins.SpreadsheetExportMixin", "preprocess_field_value", "home.exports.make_exports_safe"),
    ("wagtail.admin.views.mixins.SpreadsheetExportMixin", "get_heading", "home.exports.make_exports_safe"),
    # blog/wagtail_hooks.py: Wagtail's snippet bulk delete, subclassed only to
    # name authors rather than "snippets"; no public setting renames it.
    ("wagtail.snippets.bulk_actions.delete.DeleteBulkAction", "models", "blog.wagtail_hooks.DeleteAuthorsBulkAction"),
    ("wagtail.snippets.bulk_actions.delete.DeleteBulkAction", "aria_label", "blog.wagtail_hooks.DeleteAuthorsBulkAction"),
    # remember_site_and_settings below (tests/test_compat.py checks that both answers are used).
    ("wagtail.contrib.settings.models.BaseSiteSetting", "get_cache_attr_name", "home.site_cache"),
    # remember_site_and_settings: the request attribute this method reads first.
    ("wagtail.models.Page", "_get_site_root_paths", "home.site_cache (request._wagtail_cached_site_root_paths)"),
    # home/public_url.py wraps Site.get_site_root_paths, where Page.get_url_parts
    # (through _get_site_root_paths) reads each site's address, so page links
    # start with PUBLIC_URL; tests/test_one_public_origin.py checks it works.
    ("wagtail.models.Site", "get_site_root_paths", "home.public_url.use_for_page_links"),
)

# home/blocks/media.py relabels these children of Wagtail's ImageBlock in
# plain words ("Alt text" becomes a description); ImageBlock offers no
# arguments for its children's labels, so the names are relied on.
IMAGE_BLOCK_CHILDREN = ("image", "alt_text", "decorative")

# Admin templates replaced whole rather than through a documented block:
# (template, what replaces it and why).
REPLACED_TEMPLATES = (
    # The dashboard's account box links to Wagtail's editor guide on wagtail.org;
    # practice_admin's copy links to her own account and two-step pages. The
    # documented home.html blocks do not reach inside this include.
    ("wagtailadmin/home/account_summary.html", "practice_admin/templates/wagtailadmin/home/account_summary.html"),
)


def route_to_child(parent, child, request, path_components):
    """Route on into ``child``, loaded by the caller with what its page shows, as
    `Page.route()` would have routed into its own copy.

    Private: `_cached_parent_obj`, which `Page.route()` sets so the child knows
    its parent without a query (for the breadcrumb and the privacy check).
    Wagtail has no public way to route into a child fetched with extra joins.
    """
    child._cached_parent_obj = parent
    return child.route(request, path_components)


def remember_site_and_settings(request, site, site_settings, root_paths=None):
    """Hand Wagtail the request's Site and site settings, read from the shared cache
    (home/site_cache.py), so `Site.find_for_request()` and `Setting.for_request()`
    (and the `settings` template context) answer without a query.

    Private: `request._wagtail_site`, where `Site.find_for_request()` keeps its
    answer, and the attribute named by `get_cache_attr_name()`, where
    `for_request()` keeps a setting. Wagtail has no public way to supply either.
    """
    request._wagtail_site = site
    if root_paths is not None:
        # Where `Page.get_url()` keeps `Site.get_site_root_paths()` for a request,
        # which would otherwise be one more cache read on every page.
        request._wagtail_cached_site_root_paths = root_paths
    for instance in site_settings:
        instance._request = request  # as for_request() sets it, for the settings' page URLs
        setattr(request, type(instance).get_cache_attr_name(), instance)
