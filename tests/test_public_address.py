"""One public address everywhere: every absolute link on every page type names the same origin."""

import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, Site

from blog.models import BlogPage

PUBLIC = "https://therapywithben.example"
ABSOLUTE = re.compile(r"""https?://[^\s"'<>)]+""")
# Other sites a page may rightly link to (standards, the professional register, maps).
ELSEWHERE = {"schema.org", "www.w3.org", "www.sitemaps.org", "purl.org", "www.bacp.co.uk", "www.openstreetmap.org",
             "www.google.com", "maps.google.com", "www.samaritans.org", "www.nhs.uk", "www.england.nhs.uk", "giveusashout.org",
             "ico.org.uk"}


@pytest.fixture
def public_site(demo, settings):
    settings.PUBLIC_URL = settings.WAGTAILADMIN_BASE_URL = PUBLIC
    call_command("migrate", verbosity=0)  # brings the Site record in step, as on a real deploy
    yield
    settings.PUBLIC_URL = settings.WAGTAILADMIN_BASE_URL = "http://testserver"
    call_command("migrate", verbosity=0)


def every_page_type():
    post = BlogPage.objects.live().first()
    tag = post.tags.first()
    service = Page.objects.get(slug="services").get_children().live().first()
    return ["/", "/about/", "/services/", service.url, "/blog/", post.url, f"/blog/tags/{tag.slug}/", "/contact/",
            "/search/?q=counselling", "/blog/feed/", "/sitemap.xml", "/robots.txt"]


def test_every_absolute_link_on_every_page_type_uses_the_public_address(public_site):
    assert Site.objects.get(is_default_site=True).root_url == PUBLIC
    visitor = Client(HTTP_HOST="127.0.0.1")  # whatever host a request arrives on
    origins = {}
    for url in every_page_type():
        response = visitor.get(url, follow=True)
        assert response.status_code == 200, url
        for link in ABSOLUTE.findall(response.content.decode()):
            host = urlsplit(link).hostname
            if host not in ELSEWHERE:
                origins.setdefault(f"{urlsplit(link).scheme}://{urlsplit(link).netloc}", set()).add(url)
    assert set(origins) == {PUBLIC}, origins


def test_the_notification_email_links_to_the_public_address(public_site, client, django_capture_on_commit_callbacks):
    from django.core import mail

    from tests.contact_helpers import send, valid_answers

    with django_capture_on_commit_callbacks(execute=True):
        send(client, valid_answers())
    links = ABSOLUTE.findall(mail.outbox[0].body)
    assert links and all(link.startswith(PUBLIC + "/") for link in links), links


@pytest.mark.parametrize("address", ["http://localhost:8000", "http://127.0.0.1:8000", "https://192.0.2.10", ""])
def test_check_deploy_fails_when_the_public_address_is_local_or_an_ip(address):
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": "k" * 50,
           "ALLOWED_HOSTS": "example.org", "EMAIL_HOST": "smtp.example.org", "PUBLIC_URL": address}
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy"], cwd=django_settings.BASE_DIR,
                            env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "home.E001" in result.stderr + result.stdout
