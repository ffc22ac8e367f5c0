"""The blog's RSS feed (/blog/feed/), built with Django's syndication framework."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from home import public_url
from home.models import PracticeSettings

FEED_LENGTH = 20


class LatestPostsFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index):
        self.request = request
        self.practice = PracticeSettings.for_request(request)
        return index

    def title(self, index):
        return f"{index.title} – {self.practice.practice_name}"

    def link(self, index):
        return index.get_full_url(self.request)

    def description(self, index):
        return index.get_meta_description() or f"New articles from {self.practice.practice_name}."

    def feed_url(self, index):
        return public_url.absolute(index.feed_url())

    def items(self, index):
        # Cards prefetch images; a feed entry shows none, so start the prefetches afresh.
        return index.posts().prefetch_related(None).select_related("author").prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.introduction

    def item_link(self, post):
        return post.get_full_url(self.request)

    def item_guid(self, post):
        return post.get_full_url(self.request)

    def item_pubdate(self, post):
        # The article's date at the start of that day, in the site's time zone.
        return timezone.make_aware(datetime.datetime.combine(post.published_on, datetime.time()))

    def item_updateddate(self, post):
        return post.last_published_at

    def item_author_name(self, post):
        return post.author.name if post.author else None

    def item_categories(self, post):
        return [tag.name for tag in post.tags.all()]
