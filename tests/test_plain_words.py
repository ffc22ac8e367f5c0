"""Plain words on every admin screen the therapist uses, and help beside every field she can edit."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from blog.models import Author, BlogIndexPage, BlogPage
from contact.models import ContactSubmission
from home.blocks import FigureBlock
from tests.admin_help_texts import panel_fields
from tests.admin_words import jargon_in, readable_text
from tests.contact_helpers import contact_page

PAGE_TYPES = [
    "home.HomePage", "home.StandardPage", "services.ServiceIndexPage", "services.ServicePage",
    "blog.BlogIndexPage", "blog.BlogPage", "contact.ContactPage",
]
EDITED_MODELS = [
    *PAGE_TYPES, "home.PracticeSettings", "contact.EnquirySettings", "blog.Author",
]


def one_page(label):
    return Page.objects.type(apps.get_model(label)).order_by("path").first().specific


def her_screens():
    """Every admin screen she uses, by name: built once the demo site exists."""
    post = BlogPage.objects.live().first()
    post.go_live_at = timezone.now() + timedelta(days=3)
    post.save_revision().publish()  # a scheduled change, so the history has such an entry
    enquiry = ContactSubmission.objects.create(page=contact_page(), form_data={"your_name": "Robin Private"})
    screens = {
        "dashboard": reverse("wagtailadmin_home"),
        "enquiries": reverse("contact_inbox"),
        "one enquiry": reverse("contact_enquiry", args=[enquiry.pk]),
        "practice details": reverse("wagtailsettings:edit", args=["home", "practicesettings"]),
        "enquiry settings": reverse("wagtailsettings:edit", args=["contact", "enquirysettings"]),
        "authors": reverse("wagtailsnippets_blog_author:list"),
        "new author": reverse("wagtailsnippets_blog_author:add"),
        "an author": reverse("wagtailsnippets_blog_author:edit", args=[Author.objects.first().pk]),
        "new post": reverse("wagtailadmin_pages:add", args=["blog", "blogpage", BlogIndexPage.objects.get().pk]),
        "a post's history": reverse("wagtailadmin_pages:history", args=[post.pk]),
        "services listing": reverse("wagtailadmin_explore", args=[one_page("services.ServiceIndexPage").pk]),
        "images": reverse("wagtailimages:index"),
    }
    for label in PAGE_TYPES:
        screens[f"editing a {label}"] = reverse("wagtailadmin_pages:edit", args=[one_page(label).pk])
    return screens


def test_no_jargon_on_any_screen_she_uses(editor_client, demo):
    problems = {}
    for name, url in her_screens().items():
        response = editor_client.get(url, follow=True)
        assert response.status_code == 200, name
        found = jargon_in(readable_text(response.content.decode()))
        if found:
            problems[name] = found
    assert not problems, "\n".join(f"{name}: {found}" for name, found in problems.items())


def test_the_promote_tab_says_web_address_and_search_results(editor_client, demo):
    text = readable_text(editor_client.get(reverse("wagtailadmin_pages:edit", args=[one_page("blog.BlogPage").pk])).content.decode())
    for words in ("Web address", "Title in search results", "Description in search results", "Show in the main menu"):
        assert words in text


def test_the_image_block_asks_for_a_description_in_plain_words(demo):
    image_block = FigureBlock().child_blocks["image"]
    labels = {name: str(child.label) for name, child in image_block.child_blocks.items()}
    assert labels["alt_text"] == "Description for people who cannot see the image"
    assert labels["decorative"] == "This image is only decoration"
    from wagtail.blocks import StructBlockValidationError
    from wagtail.images import get_image_model

    image = get_image_model().objects.first()
    image.contextual_alt_text, image.decorative = "", False
    with pytest.raises(StructBlockValidationError) as refused:
        image_block.clean(image)
    message = " ".join(refused.value.block_errors["alt_text"].messages)
    assert "Describe the image" in message and "alt" not in message.lower()


@pytest.mark.parametrize("label", EDITED_MODELS)
def test_every_field_she_can_edit_has_help_text(label):
    missing = [
        f"{where} ({field_label})" for where, field_label, help_text in panel_fields(apps.get_model(label))
        if not help_text.strip()
    ]
    assert not missing, "no help text: " + ", ".join(missing)
