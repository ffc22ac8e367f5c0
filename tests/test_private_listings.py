"""A page behind a password, a login or a group is not listed anywhere a visitor can see it.

Search, the sitemap, the feed and JSON-LD already leave private pages out;
so must the home page's cards, the services list and the fees table, which
copies service titles and links.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from services.models import ServicePage

LISTINGS = ("/", "/services/", "/fees/")


def service():
    return ServicePage.objects.get(slug="walk-and-talk-therapy")


def set_privacy(editor_client, page, restriction_type, **extra):
    """What the admin's Privacy dialog sends when an editor picks an option and presses Save."""
    data = {"restriction_type": restriction_type, "password": "", "groups": [], **extra}
    response = editor_client.post(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), data)
    assert response.status_code == 200 and b"set_privacy_done" in response.content


def mentions(url, page):
    """Where an anonymous visitor still sees the page's link or its title."""
    html = Client().get(url).content.decode()
    return [what for what, text in (("link", f'href="{page.url}"'), ("title", page.title)) if text in html]


def test_every_listing_shows_the_service_while_it_is_public(demo):
    page = service()
    for url in LISTINGS:
        assert mentions(url, page) == ["link", "title"], f"{url} should list {page.title}"


@pytest.mark.parametrize("restriction", ["password", "login", "groups"])
def test_a_private_service_leaves_every_listing_at_once_even_when_they_were_cached(demo, editor_client, restriction):
    page = service()
    for url in LISTINGS:
        Client().get(url)
        assert Client().get(url)["X-Page-Cache"] == "hit", "the listings are served from the page cache"
    extra = {"password": "a-shared-password"} if restriction == "password" else {}
    if restriction == "groups":
        extra = {"groups": [Group.objects.get(name="Editors").pk]}
    set_privacy(editor_client, page, restriction, **extra)

    shown = {url: mentions(url, page) for url in LISTINGS}
    assert shown == {url: [] for url in LISTINGS}, f"still listed for anonymous visitors: {shown}"


def test_the_service_comes_back_when_its_restriction_is_removed(demo, editor_client):
    page = service()
    set_privacy(editor_client, page, "password", password="a-shared-password")
    for url in LISTINGS:
        Client().get(url)
    set_privacy(editor_client, page, "none")
    assert {url: mentions(url, page) for url in LISTINGS} == {url: ["link", "title"] for url in LISTINGS}
