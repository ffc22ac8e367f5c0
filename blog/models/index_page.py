"""The blog's front page: newest posts ten to a page, topic pages and the RSS feed."""

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from compat.wagtail import route_to_child
from home.fragments import cached, cached_response
from home.models import SitePage

from .blog_page import BlogPage
from .querysets import topics

POSTS_PER_PAGE = 10


class BlogIndexPage(RoutablePageMixin, SitePage):
    introduction = models.TextField(
        "Introduction", blank=True,
        help_text="A few sentences above the list of articles. Also used as the description in search results.",
    )

    content_panels = SitePage.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count = 1
    summary_field = "introduction"

    class Meta:
        verbose_name = "Blog list"

    def route(self, request, path_components):
        # A post with its author, images and tags in one query, up front, where
        # Wagtail's routing would leave them to one query each while the
        # template renders: 21 queries a post instead of 12 (make bench).
        if len(path_components) == 1 and self.live and not self._is_own_route(path_components[0]):
            post = BlogPage.objects.child_of(self).for_article().filter(slug=path_components[0]).first()
            if post is None:
                raise Http404
            return route_to_child(self, post, request, [])
        return super().route(request, path_components)

    def _is_own_route(self, component):
        try:
            self.resolve_subpage(f"/{component}/")
        except Http404:
            return False
        return True

    def posts(self):
        return BlogPage.objects.child_of(self).for_cards()

    @path("")
    def all_posts(self, request):
        return self._listing(request, self.posts())

    @re_path(r"^tags/(?P<slug>[-\w]+)/$")
    def posts_tagged(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        return self._listing(request, self.posts().filter(tags=tag), tag=tag)

    @path("feed/")
    def feed(self, request):
        from blog.feeds import LatestPostsFeed

        # The same for every reader until something is published.
        return cached_response(request, f"feed:{self.pk}", lambda: LatestPostsFeed()(request, index=self))

    def feed_url(self):
        return self.url + self.reverse_subpage("feed")

    def tag_url(self, tag):
        return self.url + self.reverse_subpage("posts_tagged", kwargs={"slug": tag.slug})

    def _topics_with_urls(self):
        found = topics(self.posts())
        for topic in found:
            topic.url = self.tag_url(topic)
        return found

    def _listing(self, request, posts, tag=None):
        # The posts in order, as ids only, kept per page-cache generation: sorting
        # and counting every post on each visit grew with the blog. Then only
        # the ten cards of the page asked for are loaded.
        in_order = cached(f"post-ids:{self.pk}:{tag.pk if tag else ''}", lambda: list(posts.values_list("pk", flat=True)))
        paginator = Paginator(in_order, POSTS_PER_PAGE)
        # get_page turns a missing, non-numeric or out-of-range ?page= into the
        # first or last page, so no page number can cause an error.
        page_of_posts = paginator.get_page(request.GET.get("page"))
        # Loaded only when the page's kept cards fragment is built (blog_index_page.html).
        ids = list(page_of_posts.object_list)
        page_of_posts.object_list = SimpleLazyObject(lambda: posts.in_order(ids))
        if tag is not None and not paginator.count:
            raise Http404("No published article has this topic.")
        # Topic pages and later pages are pages of their own to search engines.
        canonical = self.get_full_url(request)
        if tag:
            canonical += self.reverse_subpage("posts_tagged", kwargs={"slug": tag.slug})
        if page_of_posts.number > 1:
            canonical += f"?page={page_of_posts.number}"
        # Counting every post's topics grows with the blog: counted once per
        # page-cache generation (emptied on every publish), not per request.
        all_topics = cached(f"topics:{self.pk}", self._topics_with_urls)
        return self.render(request, context_overrides={
            "posts": page_of_posts,
            "tag": tag,
            "topics": all_topics,
            "canonical_url": canonical,
        })
