"""Anonymous visitors get cached pages; an edit is visible at once."""

import pytest
from django.test import Client
from wagtail.models import Page, Site

from home.models import PracticeSettings, StandardPage
from tests.helpers import soup


def get(url, client=None):
    return (client or Client()).get(url)


def test_second_anonymous_view_is_served_from_the_cache(demo):
    first = get("/about/")
    second = get("/about/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in first["Cache-Control"]


def test_publishing_an_edit_shows_at_once(demo):
    get("/about/")
    page = StandardPage.objects.get(slug="about")
    page.introduction = "A freshly edited introduction."
    page.save_revision().publish()
    response = get("/about/")
    assert "A freshly edited introduction." in response.content.decode()


def test_unpublishing_removes_the_page_at_once(demo):
    assert get("/privacy/").status_code == 200
    StandardPage.objects.get(slug="privacy").unpublish()
    assert get("/privacy/").status_code == 404


def test_moving_a_page_changes_the_cached_menu_and_url(demo):
    get("/about/")
    about = StandardPage.objects.get(slug="about")
    privacy = StandardPage.objects.get(slug="privacy")
    privacy.move(about, pos="last-child")
    moved = get("/privacy/")
    assert moved.status_code == 301 and moved["Location"] == "/about/privacy/"  # Wagtail leaves a redirect
    assert get("/about/privacy/").status_code == 200


def test_deleting_a_page_removes_it_at_once(demo):
    assert get("/privacy/").status_code == 200
    Page.objects.get(slug="privacy").delete()
    assert get("/privacy/").status_code == 404


def test_changing_a_setting_shows_at_once(demo):
    get("/")
    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    practice.phone = "01632 960 777"
    practice.save()
    assert "01632 960 777" in get("/").content.decode()


def test_signed_in_editors_are_never_served_or_stored_in_the_cache(demo, editor):
    get("/about/")  # cached for anonymous visitors
    client = Client()
    client.force_login(editor)
    response = client.get("/about/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_admin_search_and_contact_form_are_never_cached(demo, editor):
    assert "X-Page-Cache" not in get("/search/?q=walk") or get("/search/?q=walk")["X-Page-Cache"] != "hit"
    get("/contact/")
    assert get("/contact/").get("X-Page-Cache") != "hit", "the contact form carries a CSRF token"
    get("/admin/login/")
    assert get("/admin/login/").get("X-Page-Cache") != "hit"


@pytest.mark.parametrize("page_cache_seconds", [600, 0])
def test_a_setting_and_a_menu_change_show_on_every_page_at_once_cached_or_not(demo, settings, page_cache_seconds):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    get("/"), get("/about/")
    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    practice.phone = "01632 960 778"
    practice.save()
    about = StandardPage.objects.get(slug="about")
    about.title = "Who I am"
    about.save_revision().publish()
    for url in ("/", "/services/"):
        page = soup(get(url))
        assert "01632 960 778" in page.get_text()
        assert "Who I am" in [link.get_text(strip=True) for link in page.select(".site-nav a")]


def test_a_new_site_address_answers_with_its_own_home_page_at_once(demo):
    assert get("/", Client(HTTP_HOST="other.example")).status_code == 200  # the default site, until...
    about = Page.objects.get(slug="about")
    Site.objects.create(hostname="other.example", port=80, root_page=about, site_name="Other")
    response = get("/", Client(HTTP_HOST="other.example"))
    assert soup(response).find("h1").get_text(strip=True) == about.title
