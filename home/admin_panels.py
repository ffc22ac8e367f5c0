"""The Promote and Settings tabs of every page, in plain words.

The same fields as Wagtail's own tabs; only their labels and help texts change,
because "Slug", "Title tag" and "Meta description" mean nothing to a therapist.
"""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel

PROMOTE_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel(
                "slug", heading="Web address",
                help_text="The end of this page's address, for example “starting-therapy” in "
                          "/blog/starting-therapy/. Small letters and hyphens. Changing it breaks links "
                          "people have saved or shared.",
            ),
            FieldPanel(
                "seo_title", heading="Title in search results",
                help_text="The headline search engines and browser tabs show, about 60 characters. "
                          "Leave empty to use the page title.",
            ),
            FieldPanel(
                "search_description", heading="Description in search results",
                help_text="One or two sentences that search engines show under the headline, about 150 characters. "
                          "Leave empty to use the page's introduction or summary.",
            ),
        ],
        heading="How this page appears in search results",
    ),
    MultiFieldPanel(
        [
            FieldPanel(
                "show_in_menus", heading="Show in the main menu",
                help_text="Tick to list this page in the menu at the top of every page, in the order of the page tree.",
            ),
        ],
        heading="Menu",
    ),
]


class PlainPublishingPanel(PublishingPanel):
    """Wagtail's "Set schedule" dialog (its own widgets kept), with help beside each date."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        go_live, expire = self.children
        go_live.help_text = (
            "Leave empty to publish as soon as you press Publish. Set a date and time to publish the page then: "
            "press “Schedule to publish” afterwards."
        )
        expire.help_text = "Optional. The page comes off the site at this time; it must be after the go-live time."


# No comments tab: comments are for editors reviewing each other's work.
SETTINGS_PANELS = [PlainPublishingPanel()]
