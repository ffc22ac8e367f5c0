"""Blog queries shaped so their cost does not grow with the content.

Cards need a post's title, date, introduction and image, never its body, so
listings defer the StreamFields, join the image and fetch every card's
renditions in one more query however many cards there are.
"""

from django.db.models import Count, F, Prefetch, Q
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.query import PageQuerySet

from home.fragments import cached
from home.visibility import visible

# Newest first; a post with no date yet (only possible before it is published) goes last.
NEWEST = (F("date_published").desc(nulls_last=True), "-first_published_at", "-pk")
CARD_RENDITIONS = ("fill-640x360|format-avif", "fill-640x360|format-webp", "fill-640x360|format-jpeg")


class BlogPageQuerySet(PageQuerySet):
    def visible(self):
        """Posts a visitor may see (home.visibility)."""
        return visible(self)

    def for_cards(self, prefetch_renditions=True):
        """Visible posts, newest first, with what a card shows and nothing more."""
        posts = self.visible().defer_streamfields().select_related("featured_image").order_by(*NEWEST)
        if not prefetch_renditions:
            return posts
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=CARD_RENDITIONS)
        return posts.prefetch_related(
            Prefetch("featured_image__renditions", queryset=renditions, to_attr="prefetched_renditions")
        )

    def in_order(self, ids):
        """These posts, loaded by id in one query, in the order of ``ids`` (ids no longer found are left out)."""
        by_id = {post.pk: post for post in self.filter(pk__in=ids)} if ids else {}
        return [by_id[pk] for pk in ids if pk in by_id]

    def for_article(self):
        """Everything a post page shows beside its body, in one query plus one for tags."""
        return self.select_related("author__photo", "author__about_page", "featured_image").prefetch_related("tags")

    def related_to(self, post, tags, limit=3):
        """Up to ``limit`` other posts: those sharing the most tags first, then the newest."""
        shared = Count("tagged_items", filter=Q(tagged_items__tag__in=[tag.pk for tag in tags]), distinct=True)
        # Three cards at most: their renditions come from Wagtail's rendition
        # cache, which saves the query a prefetch would always cost.
        cards = self.for_cards(prefetch_renditions=False)

        def ranked():
            others = cards.exclude(pk=post.pk).annotate(shared_tags=shared)
            return list(others.order_by("-shared_tags", *NEWEST).values_list("pk", flat=True)[:limit])

        # Ranking means counting shared topics across every post, which grows
        # with the blog: ranked once per page-cache generation (emptied on
        # every publish), then the few cards are one quick query.
        ids = cached(f"related:{post.pk}:{','.join(str(tag.pk) for tag in tags)}:{limit}", ranked)
        return cards.in_order(ids)


def topics(posts):
    """Tags used by any of ``posts``, each with how many of them use it, by name."""
    return list(
        Tag.objects.filter(blog_blogpagetag_items__content_object__in=posts.values("pk"))
        .annotate(post_count=Count("blog_blogpagetag_items", distinct=True))
        .order_by("name")
    )
