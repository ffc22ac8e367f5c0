"""Queries per request and median server render time for each page type, uncached.

    python bench/measure.py [--private] [--analyze | --no-stats]

Prints one JSON object: {page type: {"url", "queries", "median_ms"}}.
--private puts a privacy setting on one post first (and removes it after), so
every listing has a private section to leave out; --analyze gives the database
its planner statistics (ANALYZE) and --no-stats removes them (SQLite).
"""

import argparse
import json
import statistics
import time

from common import setup_django

setup_django()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from pagecache.store import invalidate  # noqa: E402

RUNS = 15


def page_type_urls():
    from blog.models import BlogIndexPage, BlogPage
    from blog.models.index_page import POSTS_PER_PAGE
    from contact.models import ContactPage
    from home.models import HomePage
    from services.models import ServicePage

    blog = BlogIndexPage.objects.live().first()
    post = BlogPage.objects.live().get(slug="what-is-the-therapeutic-relationship")
    tag = post.tags.first()
    last_page = max(1, -(-BlogPage.objects.live().count() // POSTS_PER_PAGE))
    return {
        "home": HomePage.objects.live().first().url,
        "service": ServicePage.objects.live().get(slug="walk-and-talk-therapy").url,
        "blog index": blog.url,
        "blog page 2": f"{blog.url}?page=2",
        "blog deep page": f"{blog.url}?page={last_page}",
        "tag page": f"{blog.url}tags/{tag.slug}/",
        "post": post.url,
        "feed": f"{blog.url}feed/",
        "sitemap": "/sitemap.xml",
        "search": "/search/?q=counselling",
        "contact": ContactPage.objects.live().first().url,
    }


def measure(url, runs=RUNS):
    client = Client()
    # The first request after a publish: it builds the fragments every later
    # one reads (home/fragments.py), and loads the process's own caches.
    start_cpu = time.process_time()
    client.get(url)
    first = (time.process_time() - start_cpu) * 1000
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    # Counted now: every later request empties Django's query log.
    count = len(queries)
    timings, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    # CPU time of this process too: steadier than the clock on a busy machine
    # (SQLite runs in-process, so it counts; PostgreSQL's own work does not).
    return {"url": url, "queries": count, "median_ms": round(statistics.median(timings), 1), "first_cpu_ms": round(first, 1),
            "cpu_ms": round(statistics.median(cpu), 1), "min_cpu_ms": round(min(cpu), 1), "bytes": len(response.content)}


def private_post():
    """A privacy setting (password) on one older post: a private section in the tree."""
    from wagtail.models import PageViewRestriction

    from blog.models import BlogPage

    post = BlogPage.objects.exclude(slug="what-is-the-therapeutic-relationship").order_by("path").first()
    return PageViewRestriction.objects.create(page=post, restriction_type=PageViewRestriction.PASSWORD, password="bench")


def planner_statistics(keep):
    with connection.cursor() as cursor:
        if keep:
            cursor.execute("ANALYZE")
        elif connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")
            for (table,) in cursor.fetchall():
                cursor.execute(f"DELETE FROM {table}")
            cursor.execute("ANALYZE sqlite_schema")  # makes SQLite read the (now empty) statistics again
    connection.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--private", action="store_true")
    parser.add_argument("--analyze", action="store_true")
    parser.add_argument("--no-stats", action="store_true")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--only", help="one page type")
    args = parser.parse_args()
    if args.analyze or args.no_stats:
        planner_statistics(keep=args.analyze)
    restriction = private_post() if args.private else None
    # As after a publish: nothing kept from the last variant or from before seeding
    # (seed.py writes rows directly, so no publish signal emptied the page cache).
    invalidate()
    try:
        urls = page_type_urls()
        if args.only:
            urls = {args.only: urls[args.only]}
        # Load what a process loads once (templates, Wagtail's own caches), then
        # empty the kept fragments again: "first" then times only their building.
        for url in urls.values():
            Client().get(url)
        invalidate()
        print(json.dumps({name: measure(url, args.runs) for name, url in urls.items()}))
    finally:
        if restriction:
            restriction.delete()
