"""The same search asked again: as fresh as the first time after any change, and cheaper.

Each worker keeps what a search found under the current page-cache generation
(search/results.py), so these tests ask a search, change the site the way the
therapist would, and ask the very same search again.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from tests.helpers import add_child_page
from tests.test_search import links, results, search


def add_page(parent, title, *, publish=True, **fields):
    return add_child_page(parent, StandardPage(title=title, **fields), publish=publish)


def test_a_page_published_after_a_search_is_found_by_the_same_search(client, demo):
    assert links(search(client, q="kingfisher")) == []
    page = add_page(demo, "By the river", introduction="Watching a kingfisher between sessions.")
    assert links(search(client, q="kingfisher")) == [page.url]


def test_an_edit_published_after_a_search_is_found_by_the_same_search(client, demo):
    page = add_page(demo, "Fees", introduction="What a session costs.")
    assert links(search(client, q="otterbrook")) == []
    page.introduction = "What a session costs, and the otterbrook concession."
    page.save_revision().publish()
    assert links(search(client, q="otterbrook")) == [page.url]


def test_a_page_unpublished_after_a_search_is_gone_from_the_same_search(client, demo):
    page = add_page(demo, "Old notice", introduction="The wrenfield group has moved.")
    assert links(search(client, q="wrenfield")) == [page.url]
    page.unpublish()
    assert links(search(client, q="wrenfield")) == []


def test_a_page_made_private_after_a_search_is_gone_from_the_same_search(client, demo):
    page = add_page(demo, "Clients only", introduction="Notes on the larkspire exercise.")
    assert links(search(client, q="larkspire")) == [page.url]
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-word")
    assert links(search(client, q="larkspire")) == []


def test_a_result_pinned_after_a_search_comes_first_and_only_once(client, demo):
    before = links(search(client, q="walk"))
    about = demo.get_children().get(slug="about")
    query, _ = Query.objects.get_or_create(query_string="walk")
    SearchPromotion.objects.create(query=query, page=about, sort_order=0)
    found = results(search(client, q="walk"))
    assert found[0][:2] == ("About me", "/about/")
    assert [link for _t, link, _m in found].count("/about/") == 1
    assert len(found) == len(before) + ("/about/" not in before)


def test_the_type_tabs_and_pages_of_a_repeated_search_agree_with_the_first(client, demo):
    for _ in range(2):
        first = search(client, q="walk")
        services = search(client, q="walk", type="service")
        assert links(services) and set(links(services)) <= set(links(first))
        assert links(search(client, q="walk", type="post")) == [link for link in links(first) if link.startswith("/blog/")]


def test_a_repeated_search_does_not_search_the_index_again(client, demo):
    search(client, q="walk")
    with CaptureQueriesContext(connection) as first:
        search(client, q="walk", type="service")
    with CaptureQueriesContext(connection) as again:
        search(client, q="walk", type="service")
    index_reads = [query["sql"] for query in again.captured_queries if "wagtailsearch_indexentry" in query["sql"]]
    assert index_reads == [], "the same search, asked again with nothing changed, reads the index once"
    assert len(again.captured_queries) <= len(first.captured_queries)
