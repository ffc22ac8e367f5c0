"""Demo blog: the index, the author Ben Marlow and four articles with shared topics."""

import datetime

from django.utils import timezone

from blog.demo_articles import relationship, shorter
from blog.models import Author, BlogIndexPage, BlogPage
from home.demo import demo_image, upsert_page

# (slug, builder, days since first published, days since last updated or None)
POSTS = [
    (relationship.SLUG, relationship.fields, 40, 6),
    ("walking-and-talking", shorter.walking, 20, None),
    ("your-first-session", shorter.first_session, 75, None),
    ("is-online-counselling-as-good", shorter.online, 110, None),
]


def load(ctx):
    index, _ = upsert_page(
        ctx, ctx.home, BlogIndexPage, "blog", title="Blog", show_in_menus=True,
        introduction="Articles about counselling, wellbeing and finding the right support, written for people "
        "thinking about therapy and for those already in it.",
    )
    author = _author(ctx)
    images = {
        "park": demo_image("Two people walking side by side on a park path", "park"),
        "room": demo_image("Two armchairs facing each other by a window", "room"),
        "calm": demo_image("Soft hills under a pale sky", "calm"),
        "screen": demo_image("A laptop ready for a video session", "screen"),
    }
    today = timezone.localdate()
    for slug, build, age, updated_age in POSTS:
        fields = build(ctx, images)
        tags = fields.pop("tags")
        published = today - datetime.timedelta(days=age)
        page, created = upsert_page(ctx, index, BlogPage, slug, author=author, date_published=published, **fields)
        if created or ctx.refresh:
            # Tags are a relation, not a field, so upsert_page cannot set them.
            page.tags.set(tags)
            page.save_revision().publish()
            _backdate(page, published, today - datetime.timedelta(days=updated_age) if updated_age else published)


def _author(ctx):
    author, _ = Author.objects.get_or_create(name="Ben Marlow", defaults={
        "role": "Counsellor (MBACP)",
        "photo": demo_image("Portrait illustration of the counsellor", "portrait"),
        "bio": "Ben is a person-centred counsellor in Cheltenham. Before training he spent fifteen years in outdoor "
        "education, and he still does some of his best listening on a footpath. He works in person, online and on "
        "walks, and adapts his practice for autistic and ADHD adults.",
        "about_page": ctx.pages.get("about"),
    })
    return author


def _backdate(page, published, updated):
    """Spread the demo articles over past weeks, so the list, the feed and "updated" dates look lived in."""
    at = lambda day: timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))  # noqa: E731
    BlogPage.objects.filter(pk=page.pk).update(first_published_at=at(published), last_published_at=at(updated))
