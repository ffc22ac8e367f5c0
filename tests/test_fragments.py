"""Parts of pages kept between renders (home/fragments.py) are never stale and never show a draft.

With the page cache off, an article's body, the list of topics, the feed and
the footer are still rendered once per page-cache generation; every change
the therapist makes must show on the next request all the same.
"""

import pytest
from django.test import Client
from wagtail.models import Site
from wagtail.rich_text import RichText

from blog.models import BlogIndexPage, BlogPage
from home.models import PracticeSettings

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
