"""One blog post: an article with an author, dates, tags and a StreamField body."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from home import structured_data
from home.blocks import BodyBlock
from home.fragments import cached_for
from home.models import SitePage
from home.streams import reading_minutes, table_of_contents

from ..rich_text_links import pages_linked_from
from .querysets import BlogPageQuerySet

# A contents list helps only once an article has a few sections to jump between.
CONTENTS_MIN_HEADINGS = 3


class BlogPage(SitePage):
    introduction = models.TextField(
        "Introduction", max_length=500,
        help_text="One to three sentences saying what the article is about. Shown under the title, on the article's "
        "card and, unless you write a search description, in search results.",
    )
    featured_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Main image", help_text="Optional. Shown at the top of the article, on its card and when it is shared.",
    )
    featured_image_alt = models.CharField(
        "Description of the main image", max_length=250, blank=True,
        help_text="Needed if you choose an image: what it shows, for people who cannot see it, "
        "for example “Two people walking side by side on a park path”.",
    )
    author = models.ForeignKey(
        "blog.Author", null=True, blank=True, on_delete=models.SET_NULL, related_name="posts",
        verbose_name="Author", help_text="Who wrote the article. Add or change authors under Authors in the menu on the left.",
    )
    date_published = models.DateField(
        "Date first published", null=True, blank=True,
        help_text="Filled in when you first publish. Change it only to keep the original date of an article "
        "that first appeared somewhere else.",
    )
    tags = ClusterTaggableManager(
        through="blog.BlogPageTag", blank=True, verbose_name="Topics",
        help_text="A few topics, for example “anxiety” or “starting therapy”. Readers can open a topic to see every "
        "article about it. Press Enter or type a comma after each one.",
    )
    body = StreamField(
        BodyBlock(), verbose_name="Article",
        help_text="Build the article from headings, text, images, tables and questions. Three or more headings "
        "give it a contents list.",
    )

    content_panels = SitePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("featured_image"), FieldPanel("featured_image_alt")], heading="Main image"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("author"), FieldPanel("tags"), FieldPanel("date_published")], heading="Author, topics and date"),
    ]
    # Page.search_fields already holds the title, boosted; tags and the author
    # are searched by name, and the body covers FAQ answers and table cells.
    search_fields = SitePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields("author", [index.SearchField("name")]),
        index.FilterField("date_published"),
    ]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    summary_field = "introduction"
    image_field = "featured_image"
    og_type = "article"

    objects = PageManager.from_queryset(BlogPageQuerySet)()

    class Meta:
        verbose_name = "Blog post"
        verbose_name_plural = "Blog posts"

    def clean(self):
        super().clean()
        if self.featured_image_id and not self.featured_image_alt.strip():
            raise ValidationError({
                "featured_image_alt": "Describe the main image for people who cannot see it, or remove the image.",
            })

    def save(self, *args, **kwargs):
        # Publishing sets first_published_at just before saving; keep that day
        # as the article's date unless the editor has given one.
        if self.date_published is None and self.first_published_at:
            self.date_published = timezone.localdate(self.first_published_at)
        return super().save(*args, **kwargs)

    @property
    def published_on(self):
        if self.date_published:
            return self.date_published
        return timezone.localdate(self.first_published_at) if self.first_published_at else None

    @property
    def updated_on(self):
        """The day of the latest publish, when it is later than the article's date."""
        if not self.last_published_at:
            return None
        updated = timezone.localdate(self.last_published_at)
        return updated if self.published_on and updated > self.published_on else None

    def serve(self, request, *args, **kwargs):
        # Render here, inside the block, so every internal link in the article
        # is resolved from one query (see blog.rich_text_links).
        with pages_linked_from(self.body.raw_data):
            response = super().serve(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The topics and related posts are read only when the page's kept
        # fragments are built (blog_page.html), not on every request.
        tags = SimpleLazyObject(self.tags_with_urls)
        # Reading the whole body for its words and headings is a large part of
        # a render: once per page-cache generation, afresh for a preview.
        outline = cached_for(request, f"post-outline:{self.pk}", self.outline)
        related = SimpleLazyObject(lambda: BlogPage.objects.related_to(self, tags))
        context.update(tags=tags, **outline, related_posts=related)
        return context

    def tags_with_urls(self):
        """The post's topics, each with the address of its page on the blog."""
        tags = list(self.tags.all())
        index = self.get_parent().specific
        for tag in tags:
            tag.url = index.tag_url(tag)
        return tags

    def outline(self):
        """The reading time and the contents list (when the article has enough headings)."""
        headings = table_of_contents(self.body)
        return {
            "reading_minutes": reading_minutes(self.body),
            "contents": nest_headings(headings) if len(headings) >= CONTENTS_MIN_HEADINGS else [],
        }

    def get_structured_data(self, request, practice):
        from blog.structured_data import blog_posting

        posting = blog_posting(self, request, practice)
        items = [posting, structured_data.local_business(practice, request, with_image=False)]
        if "@id" in posting.get("author", {}):
            # Written by the therapist: the Person the author @id points at is on the page too.
            items.append(structured_data.person(practice, request, url=posting["author"].get("url")))
        return items + super().get_structured_data(request, practice)


def nest_headings(headings):
    """Section headings with their sub-headings beneath, for a two-level contents list."""
    sections = []
    for heading in headings:
        if heading["level"] == "h3" and sections:
            sections[-1]["children"].append(heading)
        else:
            sections.append({**heading, "children": []})
    return sections
