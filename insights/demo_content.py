"""Ninety days of plausible counts, so the Insights page has something to show in the demo.

Made once (never on top of real counts) from a fixed random seed, so every
demo site shows the same figures.
"""

import random
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page, Site

from .models import HelpfulDay, HelpfulNote, LeadDay, PageViewDay, SearchMissDay

DAYS = 90
REFERRERS = [("", 40), ("google.com", 35), ("duckduckgo.com", 8), ("bing.com", 6), ("bacp.co.uk", 6), ("facebook.com", 5)]
DEVICES = [("phone", 64), ("desktop", 27), ("tablet", 9)]
MISSED = ["couples counselling", "emdr", "evening appointments", "parking", "grief support group", "sliding scale"]
NOTES = [
    "How long does it usually take to feel a difference?",
    "Something about what happens if I cry in the first session",
    "More about online sessions on a phone",
    "Costs for students",
]


def load(ctx):
    if PageViewDay.objects.exists():
        ctx.log("  insights: counts already present, left alone")
        return
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page
    pages = list(Page.objects.live().descendant_of(root, inclusive=True).specific())
    rng = random.Random(20261202)
    today = timezone.localdate()
    weights = {page.pk: _weight(page, root) for page in pages}
    paths = {page.pk: "/" + page.url_path[len(root.url_path):] for page in pages}
    views, leads, searches = {}, {}, {}
    for offset in range(DAYS):
        day = today - timedelta(days=DAYS - offset)
        # A slow rise over the quarter, quieter at weekends.
        base = (18 + offset * 0.25) * (0.65 if day.weekday() >= 5 else 1.0)
        for page in pages:
            for _ in range(_poisson(rng, base * weights[page.pk])):
                key = (day, paths[page.pk], _pick(rng, REFERRERS), _pick(rng, DEVICES))
                views[key] = views.get(key, 0) + 1
        for kind, chance in (("enquiry", 0.35), ("booking", 0.25)):
            if rng.random() < chance:
                source = rng.choice([p for p in pages if weights[p.pk] >= 0.3])
                leads[(day, paths[source.pk], kind)] = leads.get((day, paths[source.pk], kind), 0) + 1
        if rng.random() < 0.3:
            words = rng.choice(MISSED)
            searches[(day, words)] = searches.get((day, words), 0) + 1
    PageViewDay.objects.bulk_create(
        PageViewDay(day=d, path=p, referrer=r, device=dev, views=n) for (d, p, r, dev), n in views.items()
    )
    LeadDay.objects.bulk_create(LeadDay(day=d, path=p, kind=k, leads=n) for (d, p, k), n in leads.items())
    SearchMissDay.objects.bulk_create(SearchMissDay(day=d, terms=t, searches=n) for (d, t), n in searches.items())
    posts = [page for page in pages if page._meta.model_name == "blogpage"]
    for i, post in enumerate(posts):
        for helpful, n in ((True, 9 + 3 * i), (False, 2 + i)):
            HelpfulDay.objects.create(day=today - timedelta(days=5 + i), page=post, helpful=helpful, answers=n)
        HelpfulNote.objects.create(day=today - timedelta(days=3 + i), page=post, text=NOTES[i % len(NOTES)])
    ctx.log(f"  insights: {sum(views.values())} page views over {DAYS} days")


def _weight(page, root):
    if page.pk == root.pk:
        return 1.0
    return {"servicepage": 0.5, "blogpage": 0.45, "contactpage": 0.3, "serviceindexpage": 0.4}.get(page._meta.model_name, 0.15)


def _pick(rng, options):
    return rng.choices([value for value, _ in options], weights=[w for _, w in options])[0]


def _poisson(rng, mean):
    # Knuth's method: small means only, which is all the demo needs.
    limit, k, product = pow(2.718281828, -mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k
