"""Small helpers for reading pages the way a visitor or a search engine would."""

import json

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def json_ld(response):
    """Every JSON-LD object on the page, @graph members flattened."""
    items = []
    for script in soup(response).find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        items.extend(data.get("@graph", [data]))
    return items


def json_ld_of_type(response, kind):
    return [item for item in json_ld(response) if item.get("@type") == kind]


def add_child_page(parent, page, *, publish=True):
    """Add ``page`` under ``parent`` as an editor would: a draft never published is not live."""
    page.live = publish
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page
