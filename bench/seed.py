"""Grow the blog to N posts by copying the demo article (run via bench/run.py)."""

import sys

from common import setup_django

setup_django()

from django.db import transaction  # noqa: E402
from wagtail.models import Page  # noqa: E402


def main(target):
    from blog.models import BlogIndexPage, BlogPage

    index = BlogIndexPage.objects.get()
    source = BlogPage.objects.get(slug="what-is-the-therapeutic-relationship")
    have = BlogPage.objects.count()
    for number in range(have, target):
        with transaction.atomic():
            source.copy(
                to=index,
                update_attrs={"slug": f"bench-post-{number}", "title": f"{source.title} ({number})"},
                copy_revisions=False,
                keep_live=True,
                log_action=None,
                reset_translation_key=True,
            )
    print(f"{BlogPage.objects.count()} posts, {Page.objects.count()} pages")


if __name__ == "__main__":
    main(int(sys.argv[1]))
