"""The dashboard as the therapist's home, and the practice's name where Wagtail named itself."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from blog.models import BlogIndexPage, BlogPage
from contact.models import ContactSubmission
from tests.admin_words import jargon_in, readable_text
from tests.contact_helpers import contact_page
from tests.helpers import add_child_page, soup


def box(response, name):
    section = soup(response).select_one(f"#dashboard-{name}-section") or soup(response).select_one(f"#dashboard-{name}")
    assert section is not None, f"no {name} box on the dashboard"
    return section


def text_of(element):
    return " ".join(element.get_text(" ").split())


def send_enquiry(name):
    return ContactSubmission.objects.create(page=contact_page(), form_data={"your_name": name})


def test_new_enquiries_are_counted_and_the_latest_link_to_each(editor_client, demo):
    first, second = send_enquiry("Robin Private"), send_enquiry("Sam Example")
    enquiries = box(editor_client.get(reverse("wagtailadmin_home")), "enquiries")
    assert "2 new enquiries since you last read them" in text_of(enquiries)
    links = {a.get_text(): a["href"] for a in enquiries.select("li a")}
    assert links == {
        "Robin Private": reverse("contact_enquiry", args=[first.pk]),
        "Sam Example": reverse("contact_enquiry", args=[second.pk]),
    }
    editor_client.get(links["Sam Example"])
    enquiries = box(editor_client.get(reverse("wagtailadmin_home")), "enquiries")
    assert "1 new enquiry since you last read them" in text_of(enquiries)


def scheduled_post(blog, title, go_live):
    post = add_child_page(blog, BlogPage(title=title, slug=title.lower().replace(" ", "-"), introduction="Soon."),
                          publish=False)
    post.go_live_at = go_live
    post.save_revision().publish()  # with a go-live time in the future, Wagtail schedules instead of publishing
    return post


def test_scheduled_overdue_and_draft_posts_are_listed_with_links(editor_client, demo):
    blog = BlogIndexPage.objects.get()
    later = scheduled_post(blog, "Going live next week", timezone.now() + timedelta(days=7))
    late = scheduled_post(blog, "Should be live by now", timezone.now() + timedelta(days=1))
    # Its go-live time passes without anything publishing it.
    Revision.page_revisions.filter(object_id=str(late.pk)).update(approved_go_live_at=timezone.now() - timedelta(hours=2))
    draft = add_child_page(blog, BlogPage(title="Half-written thoughts", slug="half", introduction="Draft."), publish=False)

    posts = box(editor_client.get(reverse("wagtailadmin_home")), "posts")
    lines = {a.get_text(): text_of(a.parent) for a in posts.select("li a")}
    assert lines["Should be live by now"].startswith("Overdue") and "was due to go live" in lines["Should be live by now"]
    assert lines["Going live next week"].startswith("Scheduled") and "goes live" in lines["Going live next week"]
    assert lines["Half-written thoughts"].startswith("Draft") and "never published" in lines["Half-written thoughts"]
    assert "not gone live yet" in text_of(posts)
    hrefs = {a.get_text(): a["href"] for a in posts.select("li a")}
    assert hrefs["Half-written thoughts"] == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert hrefs["Going live next week"] == reverse("wagtailadmin_pages:edit", args=[later.pk])


def test_plain_shortcuts_lead_where_they_say(editor_client, demo):
    shortcuts = box(editor_client.get(reverse("wagtailadmin_home")), "shortcuts")
    links = {a.get_text(): a["href"] for a in shortcuts.select("li a")}
    assert list(links) == ["Write a post", "Edit a service", "Practice details", "Enquiry settings"]
    new_post = editor_client.get(links["Write a post"])
    assert new_post.status_code == 200 and new_post.resolver_match.url_name == "add"
    assert new_post.resolver_match.kwargs["parent_page_id"] == BlogIndexPage.objects.get().pk
    services = editor_client.get(links["Edit a service"])
    assert services.status_code == 200 and b"Walk and talk" in services.content
    for name in ("Practice details", "Enquiry settings"):
        response = editor_client.get(links[name], follow=True)
        assert response.status_code == 200 and name.encode() in response.content


def test_wagtails_own_news_and_moderation_boxes_are_gone(editor_client, demo):
    text = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" not in text and "editor guide" not in text


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/password_reset/"])
def test_the_sign_in_pages_name_the_practice_not_wagtail(client, demo, path):
    response = client.get(path)
    document = soup(response)
    assert document.title.get_text().strip().endswith("Therapy with Ben")
    if path == "/admin/login/":
        assert document.find("h1").get_text(strip=True) == "Sign in to Therapy with Ben"
    assert not jargon_in(readable_text(response.content.decode()))


def test_every_admin_page_title_names_the_practice(editor_client, demo):
    document = soup(editor_client.get(reverse("wagtailadmin_home")))
    assert document.title.get_text(strip=True) == "Dashboard - Therapy with Ben"
    assert document.find("h1").get_text(strip=True) == "Therapy with Ben"
