"""The home page and the general-purpose page (about, privacy notice)."""

from django.apps import apps
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home import routes, structured_data
from home.blocks import BodyBlock
from home.fragments import cached
from home.visibility import visible

from .base_page import SitePage


class HomePage(SitePage):
    hero_heading = models.CharField(
        "Main heading", max_length=150, blank=True,
        help_text="The first thing visitors read. Leave empty to use the page title.",
    )
    hero_text = models.TextField(
        "Welcome text", blank=True, help_text="Two or three sentences under the main heading. Also used as the description in search results.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Welcome image", help_text="A calm, welcoming photo. Describe it in the image's title for screen readers.",
    )
    hero_button_label = models.CharField(
        "Welcome button text", max_length=60, blank=True, default="Book a free initial chat",
        help_text="The button under the welcome text leads to the contact page.",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name="Page content", help_text="Everything below the welcome section.")
    latest_posts_heading = models.CharField(
        "Heading above your newest articles", max_length=120, blank=True, default="From the blog",
        help_text="Your newest articles are shown at the end of the home page under this heading. Leave empty to hide them.",
    )
    latest_posts_count = models.PositiveSmallIntegerField(
        "How many articles", default=3, help_text="How many of your newest articles to show (1 to 6).",
        validators=[MinValueValidator(1), MaxValueValidator(6)],
    )

    content_panels = SitePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image"), FieldPanel("hero_button_label")],
            heading="Welcome section",
        ),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("latest_posts_heading"), FieldPanel("latest_posts_count")], heading="Newest articles"),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage", "services.ServiceIndexPage", "blog.BlogIndexPage", "contact.ContactPage"]
    max_count = 1
    summary_field = "hero_text"
    image_field = "hero_image"

    class Meta:
        verbose_name = "Home page"

    def route(self, request, path_components):
        # Every URL of the site is routed from here: found once per page-cache
        # generation in each worker (home/routes.py).
        return routes.route(self, request, path_components, super().route)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the page's kept fragment is built (home_page.html): most
        # requests are served from it and never ask.
        latest = SimpleLazyObject(lambda: self.latest_posts() if self.latest_posts_heading else ([], None))
        context["latest_posts"] = SimpleLazyObject(lambda: latest[0])
        context["blog_index"] = SimpleLazyObject(lambda: latest[1])
        return context

    def latest_posts(self):
        """The newest posts as cards, and the blog's own page, in a fixed number of queries.

        Found through the app registry rather than an import: home depends on
        no other app, and a site without the blog simply shows no articles.
        """
        try:
            post_model, index_model = apps.get_model("blog", "BlogPage"), apps.get_model("blog", "BlogIndexPage")
        except LookupError:
            return [], None
        cards = post_model.objects.for_cards()
        # Finding the newest means sorting every post: done once per page-cache
        # generation, then only these few cards are loaded.
        newest = cached(f"latest-posts:{self.latest_posts_count}", lambda: list(cards.values_list("pk", flat=True)[: self.latest_posts_count]))
        posts = cards.in_order(newest)
        index = visible(index_model.objects.all()).first() if posts else None
        return posts, index

    def get_structured_data(self, request, practice):
        website = {
            "@type": "WebSite",
            "name": practice.practice_name,
            "url": structured_data.absolute(request, "/"),
            "potentialAction": {
                "@type": "SearchAction",
                "target": structured_data.absolute(request, "/search/") + "?q={query}",
                "query-input": "required name=query",
            },
        }
        items = [website, structured_data.local_business(practice, request)]
        if practice.therapist_name:
            items.append(structured_data.person(practice, request))
        return items + super().get_structured_data(request, practice)


class StandardPage(SitePage):
    introduction = models.TextField(
        "Introduction", blank=True, help_text="A sentence or two at the top. Also used as the description in search results.",
    )
    body = StreamField(
        BodyBlock(), blank=True, verbose_name="Page content",
        help_text="Everything below the introduction: add headings, text, images and more with the + buttons.",
    )
    describes_practice = models.BooleanField(
        "This page is about you and your practice", default=False,
        help_text="Tick on your “About me” page: search engines are then told who you are and your professional membership.",
    )

    content_panels = SitePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    promote_panels = SitePage.promote_panels + [FieldPanel("describes_practice")]
    search_fields = SitePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    summary_field = "introduction"

    class Meta:
        verbose_name = "General page"
        verbose_name_plural = "General pages"

    def get_structured_data(self, request, practice):
        items = super().get_structured_data(request, practice)
        if self.describes_practice:
            items.insert(0, structured_data.local_business(practice, request))
            if practice.therapist_name:
                items.insert(1, structured_data.person(practice, request, url=self.get_full_url(request)))
            items.insert(0, {"@type": "AboutPage", "name": self.title, "url": self.get_full_url(request)})
        return items
