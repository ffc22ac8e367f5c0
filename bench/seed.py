"""Grow the blog to N posts and 100 topics in bulk (run via bench/run.py).

    python bench/seed.py 10000

Rows are written straight into the page tree (paths numbered as treebeard
would), the post table and the tag table, a thousand at a time, then only the
new posts are added to the search index: 10,000 posts in about a minute, where
copying a page at a time took hours. Post texts come from the search bench's
generator, so search and listings see realistic words.
"""

import random
import sys

from common import setup_django

setup_django()

from django.db import transaction  # noqa: E402
from wagtail.models import Page  # noqa: E402

TAGS = 100
BATCH = 1000


def main(target):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from search_bench import TOPICS, base_page, body, sentence, title
    from taggit.models import Tag
    from wagtail.search.backends import get_search_backend

    from blog.models import BlogIndexPage, BlogPage, BlogPageTag
    from home.demo import stream

    index = BlogIndexPage.objects.get()
    have = BlogPage.objects.filter(slug__startswith="bench-post-").count()
    count = target - BlogPage.objects.count()
    if count <= 0:
        return report()
    names = TOPICS + [f"Topic {n}" for n in range(TAGS - len(TOPICS))]
    tags = [Tag.objects.get_or_create(slug=name.lower().replace(" ", "-"), defaults={"name": name.capitalize()})[0] for name in names]
    last = index.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen:]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(BlogPage)
    rng, now = random.Random(have), timezone.now()
    new_ids = []
    with transaction.atomic():
        for start in range(0, count, BATCH):
            numbers = range(start, min(start + BATCH, count))
            topics = {n: rng.sample(TOPICS, 2) for n in numbers}
            pages = Page.objects.bulk_create([
                base_page(index, first_step + n, f"bench-post-{have + n}", title(rng, topics[n]), content_type, now)
                for n in numbers
            ])
            posts = [
                BlogPage(page_ptr_id=page.pk, introduction=sentence(rng, 30, topics[n]), body=stream(*body(rng, topics[n])),
                         date_published=timezone.localdate() - timezone.timedelta(days=rng.randrange(3000)))
                for n, page in zip(numbers, pages)
            ]
            # bulk_create refuses multi-table models; this is the insert it would run for the child table.
            BlogPage._base_manager._insert(posts, fields=BlogPage._meta.local_concrete_fields)
            # Two of the 16 common topics and one of the 100 topics in all.
            BlogPageTag.objects.bulk_create([
                BlogPageTag(content_object_id=page.pk, tag=tag)
                for n, page in zip(numbers, pages)
                for tag in {tags[TOPICS.index(topics[n][0])], tags[TOPICS.index(topics[n][1])], tags[(have + n) % TAGS]}
            ])
            new_ids += [page.pk for page in pages]
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    backend = get_search_backend()
    for start in range(0, len(new_ids), BATCH):
        backend.add_bulk(BlogPage, list(BlogPage.objects.filter(pk__in=new_ids[start:start + BATCH])))
    report()


def report():
    from taggit.models import Tag

    from blog.models import BlogPage

    print(f"{BlogPage.objects.count()} posts, {Tag.objects.count()} tags, {Page.objects.count()} pages")


if __name__ == "__main__":
    main(int(sys.argv[1]))
