"""Images on a page cost no cache write once their renditions are known (pagecache/renditions.py).

Wagtail writes every rendition it has just read from the cache back to it; on
the SQLite shared cache each such write is a transaction that visitors in other
workers wait behind.
"""

from unittest import mock

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import BlogPage
from pagecache.store import invalidate

RENDITION = "wagtail-rendition-"


@pytest.fixture
def uncached_pages(settings, demo):
    settings.PAGE_CACHE_SECONDS = 0
    caches["default"].clear()


def post_with_images():
    post = BlogPage.objects.live().get(slug="what-is-the-therapeutic-relationship")
    assert post.featured_image_id, "the demo article has a main image"
    return post.url


def rendition_writes(client, url):
    shared = caches["default"]
    written = []

    def spy(method):
        def record(*args, **kwargs):
            data = args[0] if method == "set_many" else {args[0]: args[1]}
            written.extend(key for key in data if str(key).startswith(RENDITION))
            return getattr(type(shared), method)(shared, *args, **kwargs)
        return record

    invalidate()  # as after a publish: the page and its fragments are rendered afresh
    with mock.patch.object(shared, "set", spy("set")), mock.patch.object(shared, "set_many", spy("set_many")):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    assert response.status_code == 200
    assert "<picture" in response.content.decode() or "<img" in response.content.decode()
    return written, [q["sql"] for q in queries if "wagtailimages_rendition" in q["sql"]]


def test_a_second_visit_reads_the_images_from_the_cache_and_writes_nothing(client, uncached_pages):
    url = post_with_images()
    first_writes, _ = rendition_writes(client, url)
    assert first_writes, "the first visit puts the renditions it looked up in the cache"
    second_writes, rendition_queries = rendition_writes(client, url)
    assert second_writes == []
    assert rendition_queries == []


def test_a_rendition_deleted_in_the_cache_is_looked_up_again_and_cached(client, uncached_pages):
    url = post_with_images()
    first_writes, _ = rendition_writes(client, url)
    caches["renditions"].delete_many(first_writes)
    again, _ = rendition_writes(client, url)
    assert sorted(set(again)) == sorted(set(first_writes))
