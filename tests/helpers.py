"""Small helpers for reading pages the way a visitor or a search engine would."""

import json

from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import rich_text


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


def form_data(response, form_id=None):
    """What a browser would send for the form on the page, as it stands (hidden inputs, choices, text)."""
    page = soup(response)
    form = page.find("form", id=form_id) if form_id else page.find("form", method=lambda m: m and m.lower() == "post")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data.setdefault(name, []).append(field.get_text())
        elif field.name == "select":
            chosen = [option.get("value", option.get_text()) for option in field.find_all("option") if option.has_attr("selected")]
            data.setdefault(name, []).extend(chosen)
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("submit", "button", "file", "image"):
            data.setdefault(name, []).append(field.get("value", ""))
    return data


def grid_form(caption, headings, rows):
    """A comparison table as the admin's grid posts it: columns and rows by number, cells as rich text."""
    form = {"caption": caption, "column-count": len(headings), "row-count": len(rows)}
    for number, heading in enumerate(headings):
        form.update({f"column-{number}-{key}": value for key, value in
                     {"type": "text", "order": number, "heading": heading, "deleted": ""}.items()})
    for number, cells in enumerate(rows):
        form.update({f"row-{number}-order": number, f"row-{number}-deleted": ""})
        form.update({f"cell-{number}-{column}": rich_text(cell) for column, cell in enumerate(cells)})
    return form


def page_edit_url(page):
    from django.urls import reverse

    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def publish_with(client, page, **changes):
    """Open the page's editor, keep what it shows, add ``changes`` crafted by hand, and press Publish."""
    data = form_data(client.get(page_edit_url(page)), form_id="page-edit-form")
    data.update({name: [value] for name, value in changes.items()})
    data["action-publish"] = ["action-publish"]
    return client.post(page_edit_url(page), data)
