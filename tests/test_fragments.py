"""Parts of pages kept between renders (home/fragments.py) are never stale and never show a draft.

With the page cache off, each worker still finds the page for a URL once per
page-cache generation (home/routes.py), and the costly parts of pages (an
article's body, the cards, the topics, the feed, the footer, a service page's
content, the enquiry form's questions) are rendered once per generation
(home/fragments.py, pagecache/local.py); every change the therapist makes must
show on the next request all the same.
"""

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.rich_text import RichText

from blog.models import BlogIndexPage, BlogPage
from contact.models import ContactFormField, ContactPage
from home.models import PracticeSettings
from services.models import ServicePage

ARTICLE = "what-is-the-therapeutic-relationship"


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


def article():
    return BlogPage.objects.live().get(slug=ARTICLE)


def with_new_paragraph(post, text):
    post.body.append(("text", RichText(f"<p>{text}</p>")))
    return post


def read(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_published_edit_shows_on_the_next_visit(demo):
    post = article()
    before = read(post.url)
    assert "A sentence added later." not in before
    with_new_paragraph(post, "A sentence added later.").save_revision().publish()
    assert "A sentence added later." in read(post.url)


def test_a_new_post_shows_in_the_topics_cards_and_feed_at_once(demo):
    blog = BlogIndexPage.objects.get()
    listing, feed = read(blog.url), read(blog.url + "feed/")
    assert "Rowing and rumination" not in listing + feed
    post = BlogPage(title="Rowing and rumination", slug="rowing", introduction="On the river.")
    blog.add_child(instance=post)
    post.tags.add("Rowing")
    post.save_revision().publish()
    listing = read(blog.url)
    assert "Rowing and rumination" in listing
    assert ">Rowing <" in listing or "Rowing <span" in listing, "the new topic is listed"
    assert "Rowing and rumination" in read(blog.url + "feed/")


def test_a_changed_practice_detail_shows_in_the_footer_at_once(demo):
    before = read("/")
    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    assert practice.phone and practice.phone in before
    practice.phone = "01242 000111"
    practice.save()
    assert "01242 000111" in read("/")


def test_a_preview_shows_the_draft_and_visitors_never_see_it(demo):
    post = article()
    read(post.url)  # the live body is now kept
    draft = with_new_paragraph(post.get_latest_revision_as_object(), "Only in the draft.")
    draft.save_revision()
    preview = draft.make_preview_request().content.decode()
    assert "Only in the draft." in preview
    assert "Only in the draft." not in read(post.url)
    # And the other way round: a preview first leaves nothing behind for visitors.
    draft.make_preview_request()
    assert "Only in the draft." not in read(post.url)



def test_an_image_deleted_from_the_library_leaves_the_article_at_once(demo):
    post = article()
    assert post.featured_image_id
    assert 'class="figure post__image"' in read(post.url)
    post.featured_image.delete()
    assert 'class="figure post__image"' not in read(post.url)


def status(url):
    return Client().get(url).status_code


def test_an_unpublished_page_is_gone_at_once_and_back_when_published(demo):
    service = ServicePage.objects.live().get(slug="walk-and-talk-therapy")
    assert status(service.url) == 200
    service.unpublish()
    assert status(service.url) == 404
    service.save_revision().publish()
    assert status(service.url) == 200


def test_a_renamed_page_answers_at_its_new_address_at_once(demo):
    service = ServicePage.objects.live().get(slug="online-counselling")
    old = service.url
    assert status(old) == 200
    service.slug = "counselling-online"
    service.save_revision().publish()
    assert "Online" in read("/services/counselling-online/")
    assert status(old) != 200


def test_a_page_made_private_asks_for_its_password_at_once(demo):
    service = ServicePage.objects.live().get(slug="walk-and-talk-therapy")
    before = read(service.url)
    assert 'type="password"' not in before
    restriction = PageViewRestriction.objects.create(page=service, restriction_type="password", password="s3cret-walk")
    shown = read(service.url)
    assert 'type="password"' in shown and service.summary not in shown
    restriction.delete()
    assert read(service.url) == before


def test_a_private_page_is_never_routed_around_by_an_earlier_visit(demo):
    """A page seen while public and then made private through its parent keeps asking."""
    services = Page.objects.get(slug="services")
    service = ServicePage.objects.live().get(slug="neurodiverse-counselling")
    read(service.url)
    PageViewRestriction.objects.create(page=services, restriction_type="password", password="s3cret-all")
    assert 'type="password"' in read(service.url)


def test_a_new_post_shows_on_home_and_beside_related_posts_at_once(demo):
    home, post = Page.objects.get(depth=2).specific, article()
    assert home.latest_posts_heading
    read(home.url), read(post.url)
    blog = BlogIndexPage.objects.get()
    newest = BlogPage(title="Sitting with silence", slug="silence", introduction="Quiet in the room.")
    blog.add_child(instance=newest)
    for tag in post.tags.all():
        newest.tags.add(tag)
    newest.save_revision().publish()
    assert "Sitting with silence" in read(home.url)
    assert "Sitting with silence" in read(post.url), "a post sharing every topic is the most related"


def test_a_new_question_shows_in_the_preview_and_to_visitors_only_once_published(demo):
    contact = ContactPage.objects.live().get()
    assert "Your pronouns" not in read(contact.url)
    draft = contact.get_latest_revision_as_object()
    draft.form_fields.add(ContactFormField(label="Your pronouns", field_type="singleline", required=False))
    draft.save_revision()
    assert "Your pronouns" in draft.make_preview_request().content.decode()
    assert "Your pronouns" not in read(contact.url)
    draft.get_latest_revision().publish()
    assert "Your pronouns" in read(contact.url)


def test_a_service_ticked_in_advance_is_ticked_only_for_that_address(demo):
    contact = ContactPage.objects.live().get()
    ticked = read(f"{contact.url}?service=walk-and-talk-therapy")
    plain = read(contact.url)
    assert _checked(ticked, "walk-and-talk-therapy")
    assert not _checked(plain, "walk-and-talk-therapy")
    assert _checked(read(f"{contact.url}?service=walk-and-talk-therapy"), "walk-and-talk-therapy")


def _checked(html, value):
    import re

    return any("checked" in tag for tag in re.findall(r"<input[^>]*>", html) if f'value="{value}"' in tag)
