"""Insights tables stay small whatever a visitor types: made-up values are counted as "other".

Every test sends hundreds of requests, each with a value of its own, the way
someone filling the tables on purpose would, and checks that the tables grow by
a few rows only, while the genuine values beside them are still counted by name.
"""

import pytest
from django.test import Client
from django.utils import timezone

from insights.models import LeadDay, PageViewDay, SearchMissDay
from services.models import ServicePage

DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36"
FLOOD = 600
# However many made-up values are sent, one input adds at most this many rows in a day.
MOST_NEW_ROWS = 30


def visitor(**headers):
    return Client(HTTP_USER_AGENT=DESKTOP, **headers)


def rows():
    return PageViewDay.objects.count() + SearchMissDay.objects.count() + LeadDay.objects.count()


def views_today(**filters):
    return sum(PageViewDay.objects.filter(day=timezone.localdate(), **filters).values_list("views", flat=True))


def searches_today(terms):
    return sum(SearchMissDay.objects.filter(day=timezone.localdate(), terms=terms).values_list("searches", flat=True))


def test_made_up_services_are_counted_as_other_and_real_ones_by_name(demo):
    real = ServicePage.objects.live().order_by("path").first().slug
    before = rows()
    client = visitor()
    for i in range(FLOOD):
        assert client.get("/contact/", {"service": f"made-up-service-{i}"}).status_code == 200
    assert rows() - before <= MOST_NEW_ROWS
    assert not PageViewDay.objects.filter(service__startswith="made-up").exists()
    real_before = views_today(path="/contact/", service=real)
    client.get("/contact/", {"service": real})
    assert views_today(path="/contact/", service=real) == real_before + 1


def test_made_up_referring_sites_are_counted_as_other_and_real_ones_by_name(demo, editor_client):
    # A site that linked here earlier in the day keeps its own line after the flood.
    visitor(HTTP_REFERER="https://www.counselling-network.org.uk/find/gloucestershire").get("/about/")
    before = rows()
    for i in range(FLOOD):
        visitor(HTTP_REFERER=f"https://spam-{i}.example.net/").get("/about/")
    assert rows() - before <= MOST_NEW_ROWS
    assert PageViewDay.objects.filter(referrer__startswith="spam-").values("referrer").distinct().count() < MOST_NEW_ROWS
    # Not one visit is lost: those not named are counted together.
    assert views_today(path="/about/") >= FLOOD + 1
    for referer, host in (
        ("https://duckduckgo.com/?q=counsellor+cheltenham", "duckduckgo.com"),
        ("https://www.counselling-network.org.uk/find/", "counselling-network.org.uk"),
    ):
        was = views_today(path="/services/", referrer=host)
        visitor(HTTP_REFERER=referer).get("/services/")
        assert views_today(path="/services/", referrer=host) == was + 1, host
    html = editor_client.get("/admin/insights/?days=7").content.decode()
    assert "Other sites" in html
    assert html.count("spam-") < MOST_NEW_ROWS * 3  # named at most in the chart, its tooltip and the table


def test_made_up_searches_are_counted_as_other_and_earlier_ones_by_name(demo, editor_client):
    client = visitor()
    client.get("/search/", {"q": "zebra crossing"})
    before = rows()
    for i in range(FLOOD):
        assert client.get("/search/", {"q": f"qzx{i}vv nothinghere"}).status_code == 200
    assert rows() - before <= MOST_NEW_ROWS
    zebra = searches_today("zebra crossing")
    client.get("/search/", {"q": "zebra crossing"})
    assert searches_today("zebra crossing") == zebra + 1
    # Contact details are still never kept, named or not.
    client.get("/search/", {"q": "jo@example.org"})
    assert not SearchMissDay.objects.filter(terms__contains="@").exists()
    html = editor_client.get("/admin/insights/?days=7").content.decode()
    assert "Other searches" in html and "zebra crossing" in html


def test_made_up_addresses_are_never_counted_as_pages(demo):
    before = rows()
    for i in range(FLOOD):
        assert visitor().get(f"/made-up-page-{i}/").status_code == 404
    assert rows() == before


@pytest.mark.usefixtures("fresh_rate_limits")
def test_made_up_pages_an_enquiry_came_from_are_counted_as_other(demo, editor_client):
    from tests.contact_helpers import valid_answers

    before = rows()
    for i in range(60):
        client = visitor(REMOTE_ADDR=f"198.51.{i // 200}.{i % 200 + 1}")
        response = client.post("/contact/", {**valid_answers(), "came_from": f"/made-up-{i}/"})
        assert response.status_code == 200
    assert LeadDay.objects.filter(path__startswith="/made-up-").count() == 0
    assert rows() - before <= 2
    # A real page is still named.
    was = sum(LeadDay.objects.filter(path="/about/", kind="enquiry").values_list("leads", flat=True))
    visitor(REMOTE_ADDR="203.0.113.9").post("/contact/", {**valid_answers(), "came_from": "/about/"})
    assert sum(LeadDay.objects.filter(path="/about/", kind="enquiry").values_list("leads", flat=True)) == was + 1
    html = editor_client.get("/admin/insights/?days=7").content.decode()
    assert "not a page of this site" in html
