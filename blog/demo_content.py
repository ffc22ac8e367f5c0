"""Demo articles (the foundation's starting point; issue 4 completes them)."""

from blog.models import BlogIndexPage, BlogPage
from home.demo import upsert_page

POSTS = [
    ("what-is-the-therapeutic-relationship", "What is the therapeutic relationship?",
     "Why the bond between you and your counsellor matters more than any technique."),
    ("walking-and-talking", "Why some people find it easier to talk while walking",
     "Side by side, with the view moving past, words can come more easily."),
    ("your-first-session", "What happens in a first counselling session",
     "A plain guide to the first hour, so you know what to expect."),
]


def load(ctx):
    index, _ = upsert_page(
        ctx, ctx.home, BlogIndexPage, "blog", title="Blog", show_in_menus=True,
        introduction="Articles about counselling, wellbeing and finding the right support.",
    )
    for slug, title, introduction in POSTS:
        upsert_page(ctx, index, BlogPage, slug, title=title, introduction=introduction)
