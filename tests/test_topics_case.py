"""Topics match regardless of capitals; old duplicates are merged (issue 12, point 3)."""

import importlib

from django.apps import apps as django_apps
from taggit.models import Tag

from blog.models import BlogPage
from blog.models.tags import BlogPageTag

merge = importlib.import_module("blog.migrations.0005_merge_topics_differing_in_case")


def test_typing_a_topic_in_other_capitals_joins_the_existing_one(demo):
    first, second = BlogPage.objects.live()[:2]
    first.tags.add("Grief and loss")
    first.save()
    second.tags.add("grief AND loss")
    second.save()
    assert list(Tag.objects.filter(name__iexact="grief and loss").values_list("name", flat=True)) == ["Grief and loss"]
    assert set(BlogPage.objects.filter(tags__name="Grief and loss")) == {first, second}


def test_the_migration_merges_existing_duplicates_and_keeps_posts_tagged(demo, client):
    first, second, third = BlogPage.objects.live()[:3]
    # As they were saved before case-insensitive topics: two spellings, one post with both.
    upper = Tag.objects.create(name="Grief and loss", slug="grief-and-loss")
    lower = Tag.objects.create(name="grief and loss", slug="grief-and-loss_1")
    for post, tag in [(first, upper), (second, upper), (third, lower), (first, lower)]:
        BlogPageTag.objects.create(content_object=post, tag=tag)

    merge.merge_duplicates(django_apps, None)

    assert list(Tag.objects.filter(name__iexact="grief and loss").values_list("name", flat=True)) == ["Grief and loss"]
    assert set(BlogPage.objects.filter(tags__slug="grief-and-loss")) == {first, second, third}
    assert BlogPageTag.objects.filter(content_object=first, tag__slug="grief-and-loss").count() == 1
    response = client.get("/blog/tags/grief-and-loss/")
    assert response.status_code == 200
    for post in (first, second, third):
        assert post.title in response.content.decode()
