"""The booking page is offered wherever visitors are invited to get in touch, and found by search and the site map."""

import json
import os
import tarfile

from django.apps import apps
from django.core.management import call_command

from booking.models import CallRequest
from tests.helpers import soup


def buttons(response):
    return [a["href"] for a in soup(response).select("main a.button")]


def test_calls_to_action_on_home_services_and_posts_offer_booking_and_the_contact_form(client, demo):
    from blog.models import BlogPage

    post = BlogPage.objects.live().first()
    for path in ["/", "/services/", "/services/online-counselling/", post.url]:
        links = buttons(client.get(path))
        assert any(href.startswith("/book-a-call/") for href in links), path
        assert any(href.startswith("/contact/") for href in links), path


def test_a_service_page_preselects_its_service_on_the_booking_page(client, demo):
    links = buttons(client.get("/services/online-counselling/"))
    assert "/book-a-call/?service=online-counselling" in links


def test_the_booking_page_is_in_the_sitemap_and_search(client, demo):
    assert "/book-a-call/" in client.get("/sitemap.xml").content.decode()
    results = soup(client.get("/search/?q=introductory+call"))
    assert results.find("main").find("a", href="/book-a-call/")


def test_every_apps_tables_are_in_the_backup(demo, tmp_path):
    call_command("backup", output_dir=str(tmp_path), stdout=open(os.devnull, "w"))
    [archive] = list(tmp_path.glob("practice-backup-*.tar.gz"))
    with tarfile.open(archive) as tar:
        data = json.load(tar.extractfile("data.json"))
    labels = {row["model"] for row in data}
    assert CallRequest.objects.exists()
    for model in apps.get_app_config("booking").get_models():
        if model.objects.exists():
            assert model._meta.label_lower in labels, model
