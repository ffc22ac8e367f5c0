"""Demo services (the foundation's starting point; issue 3 completes them)."""

from home.demo import upsert_page
from services.models import ServiceIndexPage, ServicePage

SERVICES = [
    ("in-person-counselling", "In-person counselling", "Weekly sessions in a quiet, private room in central Cheltenham."),
    ("online-counselling", "Online counselling", "Secure video sessions from wherever you feel most at ease."),
    ("walk-and-talk-therapy", "Walk and talk therapy", "Counselling on foot, side by side, in Cheltenham's parks."),
    ("neurodiverse-counselling", "Neurodiverse counselling", "Counselling adapted for autistic and ADHD adults."),
]


def load(ctx):
    index, _ = upsert_page(
        ctx, ctx.home, ServiceIndexPage, "services", title="Services", show_in_menus=True,
        introduction="Four ways to meet, one careful way of working.",
    )
    for slug, title, summary in SERVICES:
        upsert_page(ctx, index, ServicePage, slug, title=title, summary=summary)
