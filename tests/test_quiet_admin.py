"""Quiet menus: a solo practice's admin keeps the many-editor machinery out of the way."""

import json

import pytest
from django.urls import reverse

from blog.models import BlogPage
from tests.helpers import soup

# What a one-person practice never needs, by Wagtail's menu item names.
ADVANCED = {"reports", "help", "forms", "workflows", "workflow-tasks", "users", "groups", "sites", "collections", "redirects"}
HER_MENU = {"explorer", "enquiries", "authors", "images", "documents", "settings",
            "practice-details", "enquiry-settings", "promoted-search-results"}


def menu_names(response):
    """The names of every item in the admin's side menu, submenus included."""
    props = json.loads(soup(response).find("script", id="wagtail-sidebar-props").string)
    names = set()

    def walk(node):
        if isinstance(node, dict):
            if {"name", "label", "url"} <= node.keys() or {"name", "label", "icon_name"} <= node.keys():
                name = node["name"]
                # Telepath packs a string it meets twice as {"_val": …, "_id": …}.
                names.add(name.get("_val") if isinstance(name, dict) else name)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return names


def dashboard(client):
    return client.get(reverse("wagtailadmin_home"))


def test_a_superuser_sees_only_what_the_practice_uses(editor_client, demo):
    names = menu_names(dashboard(editor_client))
    assert HER_MENU <= names
    assert not names & ADVANCED, f"shown without being asked for: {sorted(names & ADVANCED)}"


def test_a_superuser_who_asks_for_advanced_settings_gets_them_back(editor_client, demo):
    account = soup(editor_client.get(reverse("wagtailadmin_account")))
    box = account.find("input", attrs={"name": "advanced-show_advanced"})
    assert box is not None and not box.has_attr("checked")
    form = {field["name"]: field.get("value", "") for field in account.select("form input")
            if field.get("name") and (field.get("type") not in ("checkbox", "radio") or field.has_attr("checked"))}
    for select in account.select("form select"):
        chosen = select.find("option", selected=True) or select.find("option")
        form[select["name"]] = chosen.get("value", "")
    form = {**form, "advanced-show_advanced": "on", "name_email-email": "editor@example.org",
            "name_email-first_name": "Ben", "name_email-last_name": "Marlow"}
    response = editor_client.post(reverse("wagtailadmin_account"), form)
    assert response.status_code == 302, soup(response).select(".error-message")
    names = menu_names(dashboard(editor_client))
    assert ADVANCED - {"workflows", "workflow-tasks"} <= names
    assert "workflows" not in names, "workflows stay off for everyone (WAGTAIL_WORKFLOW_ENABLED)"


def test_only_superusers_are_offered_advanced_settings(client, demo, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("helper", "helper@example.org", "a-long-test-password")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    assert b"advanced-show_advanced" not in client.get(reverse("wagtailadmin_account")).content


@pytest.fixture
def post(demo):
    return BlogPage.objects.live().first()


def footer(editor_client, post):
    return soup(editor_client.get(reverse("wagtailadmin_pages:edit", args=[post.pk]))).find("footer")


def test_publish_is_a_button_of_its_own_beside_save_draft(editor_client, post):
    actions = footer(editor_client, post)
    publish = actions.find("button", attrs={"name": "action-publish"})
    assert publish is not None and publish.get_text(strip=True) == "Publish"
    assert publish.find_parent(class_="w-dropdown") is None, "not folded into the drop-up menu"
    save = actions.find("button", class_="action-save")
    assert save.get_text(strip=True) == "Save draft" and save.find_parent(class_="w-dropdown") is None


def test_unpublish_is_never_next_to_publish_and_nobody_submits_to_moderators(editor_client, post):
    text = footer(editor_client, post).get_text(" ")
    assert "Unpublish" not in text and "moderat" not in text.lower()
    # Still there, out of the way, behind the page's own menu at the top (with Wagtail's confirmation).
    assert editor_client.get(reverse("wagtailadmin_pages:unpublish", args=[post.pk])).status_code == 200


def test_a_new_page_also_has_publish_on_its_own(editor_client, demo):
    from blog.models import BlogIndexPage

    blog = BlogIndexPage.objects.get()
    actions = soup(editor_client.get(reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog.pk]))).find("footer")
    publish = actions.find("button", attrs={"name": "action-publish"})
    assert publish is not None and publish.find_parent(class_="w-dropdown") is None
