"""Tags on posts: taggit's own Tag model, linked through a cluster-aware table."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase


class BlogPageTag(TaggedItemBase):
    # A ParentalKey (not a ForeignKey) lets tags live in page revisions, so a
    # draft can change its tags without touching the published post.
    content_object = ParentalKey("blog.BlogPage", related_name="tagged_items", on_delete=models.CASCADE)

    class Meta:
        verbose_name = "Post tag"
        verbose_name_plural = "Post tags"
