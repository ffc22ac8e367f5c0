"""Making a page private takes it, and every page under it, out of the page cache at once."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

SECRET = "Four ways to meet"  # on /services/ only: what a private page must stop showing


def anonymous(url):
    return Client().get(url)


def set_privacy(editor_client, page, restriction_type, **extra):
    """What the admin's Privacy dialog sends when an editor picks an option and presses Save."""
    data = {"restriction_type": restriction_type, "password": "", "groups": [], **extra}
    response = editor_client.post(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), data)
    assert response.status_code == 200 and b"set_privacy_done" in response.content


def warm(*urls):
    for url in urls:
        anonymous(url)
        assert anonymous(url)["X-Page-Cache"] == "hit"


def assert_private(url):
    for _ in range(3):
        response = anonymous(url)
        assert response.get("X-Page-Cache") != "hit", f"{url} still served from the cache"
        assert "public" not in response.get("Cache-Control", ""), f"{url} may still be kept by shared caches"
        if response.status_code == 200:
            assert b"password" in response.content.lower() and SECRET.encode() not in response.content
        else:
            assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize(
    ("restriction", "extra"),
    [("password", {"password": "a-shared-password"}), ("login", {}), ("groups", "Editors")],
)
def test_a_restriction_on_a_section_hides_it_and_every_page_under_it_at_once(demo, editor_client, restriction, extra):
    services = Page.objects.get(slug="services")
    child = services.get_children().live().first()
    urls = ["/services/", child.url]
    warm(*urls)
    if restriction == "groups":
        extra = {"groups": [Group.objects.get(name=extra).pk]}
    set_privacy(editor_client, services, restriction, **extra)
    for url in urls:
        assert_private(url)


def test_removing_a_restriction_shows_the_page_again_at_once(demo, editor_client):
    services = Page.objects.get(slug="services")
    set_privacy(editor_client, services, "password", password="a-shared-password")
    assert_private("/services/")
    set_privacy(editor_client, services, "none")
    response = anonymous("/services/")
    assert response.status_code == 200 and SECRET.encode() in response.content
    assert "public" in response["Cache-Control"]


def test_a_page_seen_after_its_password_is_never_stored_for_others(demo, editor_client):
    about = Page.objects.get(slug="about")
    set_privacy(editor_client, about, "password", password="a-shared-password")
    visitor = Client()
    form = visitor.get("/about/")
    action = form.content.decode().split('action="', 1)[1].split('"', 1)[0]
    unlocked = visitor.post(action, {"password": "a-shared-password", "return_url": "/about/"}, follow=True)
    assert unlocked.status_code == 200 and "public" not in unlocked["Cache-Control"]
    assert_private("/about/")
