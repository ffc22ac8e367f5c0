"""Queries per request and median server render time for each page type, uncached.

Prints one JSON object: {page type: {"url", "queries", "median_ms"}}.
"""

import json
import statistics
import time

from common import setup_django

setup_django()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = 30


def page_type_urls():
    from blog.models import BlogIndexPage, BlogPage
    from contact.models import ContactPage
    from home.models import HomePage
    from services.models import ServiceIndexPage, ServicePage

    blog = BlogIndexPage.objects.live().first()
    post = BlogPage.objects.live().get(slug="what-is-the-therapeutic-relationship")
    tag = post.tags.first()
    return {
        "home": HomePage.objects.live().first().url,
        "service index": ServiceIndexPage.objects.live().first().url,
        "service": ServicePage.objects.live().get(slug="walk-and-talk-therapy").url,
        "blog index": blog.url,
        "post": post.url,
        "tag page": f"{blog.url}tags/{tag.slug}/" if tag else blog.url,
        "search": "/search/?q=counselling",
        "contact": ContactPage.objects.live().first().url,
    }


def measure(url):
    client = Client()
    client.get(url)  # warm: the first request of a process loads caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    # Counted now: every later request empties Django's query log.
    count = len(queries)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return {"url": url, "queries": count, "median_ms": round(statistics.median(timings), 1)}


if __name__ == "__main__":
    print(json.dumps({name: measure(url) for name, url in page_type_urls().items()}))
