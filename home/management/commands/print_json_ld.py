"""Print the JSON-LD of one live page of each page type, as a search engine reads it."""

import json
import re

from django.core.management.base import BaseCommand
from django.test import Client, override_settings
from wagtail.models import Page

_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


class Command(BaseCommand):
    help = "Print the JSON-LD graph of one live page of each page type (and any URL given)."

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="*", help="Extra paths, for example /services/walk-and-talk-therapy/.")

    def handle(self, *args, urls=(), **options):
        pages, seen = [], set()
        for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
            if type(page) not in seen:
                seen.add(type(page))
                pages.append(page.url)
        with override_settings(ALLOWED_HOSTS=["*"]):
            client = Client()
            for url in [*pages, *urls]:
                response = client.get(url)
                match = _SCRIPT.search(response.content.decode())
                self.stdout.write(f"# {url} ({response.status_code})")
                self.stdout.write(json.dumps(json.loads(match.group(1)), indent=2, ensure_ascii=False) if match else "(none)")
