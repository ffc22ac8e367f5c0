"""The blog: posts with authors, dates, topics, tables and FAQs; the list, topic pages and feed; the demo article."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from blog.models import Author, BlogIndexPage, BlogPage
from home.demo import demo_image, rich, stream
from home.demo.blocks import row, table
from home.models import HomePage
from home.streams import reading_minutes
from tests.helpers import grid_form, json_ld, json_ld_of_type, soup

ARTICLE = "/blog/what-is-the-therapeutic-relationship/"
DEMO_POSTS = ["what-is-the-therapeutic-relationship", "walking-and-talking", "your-first-session", "is-online-counselling-as-good"]


@pytest.fixture(autouse=True)
def rendered_afresh(settings):
    """Every response here is rendered, not served from the page cache, so what is measured is the real work."""
    settings.PAGE_CACHE_SECONDS = 0


def blog():
    return BlogIndexPage.objects.get()


def add_post(slug, *, tags=(), days_ago=1, body=(), title=None, live=True, **fields):
    """A post under the blog, published ``days_ago`` days ago (or saved as a draft)."""
    post = BlogPage(
        title=title or slug.replace("-", " ").capitalize(), slug=slug, introduction=f"About {slug}.", live=live,
        body=stream(*body) if body else stream(("text", rich("A few words."))), **fields,
    )
    blog().add_child(instance=post)
    post.tags.set(list(tags))
    revision = post.save_revision()
    if live:
        revision.publish()
        published = timezone.now() - datetime.timedelta(days=days_ago)
        BlogPage.objects.filter(pk=post.pk).update(
            date_published=timezone.localdate(published), first_published_at=published, last_published_at=published,
        )
    return BlogPage.objects.get(pk=post.pk)


def main(response):
    return soup(response).find("main")


def card_titles(response):
    return [h.get_text(strip=True) for h in main(response).select(".card__title")]


def listblock(items):
    return {"count": len(items), **{str(i): {"value": v, "deleted": "", "order": str(i)} for i, v in enumerate(items)}}


def table_form(rows, caption="Ways to meet", headings=("Aspect", "In person", "Online")):
    return {"table": grid_form(caption, headings, rows), "note": rich_text("<p>Both work.</p>")}


def faq_form(*pairs):
    return {"heading": "", "questions": listblock([{"question": q, "answer": rich_text(a)} for q, a in pairs])}


def post_form(title, body, **extra):
    return nested_form_data({
        "title": title,
        "slug": re.sub(r"[^a-z]+", "-", title.lower()).strip("-"),
        "introduction": "A short introduction.",
        "featured_image_alt": "",
        "tags": "Ways of working, Online counselling",
        "date_published": "",
        "body": streamfield(body),
        **extra,
    })


# --- Editors ---------------------------------------------------------------------


@pytest.mark.django_db
class TestEditorsBuildPostsInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        super().setUp()
        # force_login: the login-attempt guard (django-axes) wants a real request to check.
        self.client.force_login(self.create_test_user())

    def test_blog_list_lives_under_home_and_posts_only_under_it(self):
        self.assertAllowedParentPageTypes(BlogIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(BlogPage, {BlogIndexPage})
        self.assertAllowedSubpageTypes(BlogPage, set())
        assert BlogIndexPage.objects.get().url == "/blog/"

    def test_editor_builds_a_post_with_a_table_and_an_faq(self):
        author = Author.objects.get(name="Ben Marlow")
        image = demo_image("Soft hills under a pale sky", "calm")
        data = post_form(
            "Online or in person",
            [
                ("heading", {"text": "Comparing the two", "level": "h2", "anchor": ""}),
                ("table", table_form([["<p>Travel</p>", "<p>A <b>short</b> walk</p>", "<p>None</p>"]])),
                ("faq", faq_form(("Is online as good?", "<p>For most people, <i>yes</i>.</p>"))),
            ],
            author=author.pk, featured_image=image.pk, featured_image_alt="Green hills at dawn.",
        )
        self.assertCanCreate(blog(), BlogPage, data)
        post = BlogPage.objects.get(slug="online-or-in-person")
        assert [block.block_type for block in post.body] == ["heading", "table", "faq"]
        assert post.author == author and post.date_published == timezone.localdate()
        assert sorted(tag.name for tag in post.tags.all()) == ["Online counselling", "Ways of working"]

        response = self.client.get(post.url)
        page = main(response)
        assert page.select_one("table caption").get_text(strip=True) == "Ways to meet"
        assert page.select_one('tbody th[scope="row"]').get_text(strip=True) == "Travel"
        faq = json_ld_of_type(response, "FAQPage")
        assert faq[0]["mainEntity"][0]["name"] == "Is online as good?"

    def test_a_table_without_a_caption_or_with_an_empty_cell_is_refused_next_to_the_problem(self):
        table = table_form([["<p>Travel</p>", "<p>A short walk</p>", ""]], caption="")
        data = post_form("Unfinished table", [("table", table)])
        data["action-publish"] = "action-publish"
        response = self.client.post(f"/admin/pages/add/blog/blogpage/{blog().pk}/", data)
        assert response.status_code == 200, "the form comes back instead of saving"
        assert not BlogPage.objects.filter(slug="unfinished-table").exists()
        content = response.content.decode()
        assert "Add a caption that says what the table compares" in content
        assert "A short walk" in content and "Travel" in content, "what the editor typed is kept"
        # The grid's state for the editor carries the empty cell's own error.
        state = soup(response).select_one("[data-w-block-arguments-value]")
        errors = json.loads(state["data-w-block-arguments-value"])
        assert '"blockErrors"' in json.dumps(errors)

    def test_a_main_image_without_a_description_is_refused(self):
        image = demo_image("Soft hills under a pale sky", "calm")
        data = post_form("Pictured", [("text", rich_text("<p>Words.</p>"))], featured_image=image.pk)
        response = self.client.post(f"/admin/pages/add/blog/blogpage/{blog().pk}/", {**data, "action-publish": "1"})
        assert response.status_code == 200 and not BlogPage.objects.filter(slug="pictured").exists()
        assert "Describe the main image for people who cannot see it" in response.content.decode()

    def test_authors_are_edited_as_snippets(self):
        listing = self.client.get("/admin/snippets/blog/author/")
        assert listing.status_code == 200 and "Ben Marlow" in listing.content.decode()
        response = self.client.post("/admin/snippets/blog/author/add/", {
            "name": "Sam Guest", "role": "Guest writer", "bio": "Sam writes about sleep.", "photo": "", "about_page": "",
        })
        assert response.status_code == 302
        assert Author.objects.get(name="Sam Guest").bio == "Sam writes about sleep."


# --- A post page -------------------------------------------------------------------


def test_post_shows_author_real_dates_and_reading_time(client, demo):
    post = BlogPage.objects.get(slug="walking-and-talking")
    byline = main(client.get(post.url)).select_one(".byline")
    assert "By Ben Marlow" in byline.get_text(" ", strip=True)
    published = byline.find("time")
    assert published["datetime"] == post.date_published.isoformat()
    assert published.get_text() == post.date_published.strftime("%-d %B %Y")
    assert "Updated" not in byline.get_text()
    assert f"About {reading_minutes(post.body)} minute" in byline.get_text()


def test_updated_date_appears_when_the_post_is_published_again_later(client, demo):
    post = BlogPage.objects.get(slug="walking-and-talking")
    post.save_revision().publish()
    times = main(client.get(post.url)).select(".byline time")
    assert [t["datetime"] for t in times] == [post.date_published.isoformat(), timezone.localdate().isoformat()]
    assert "Updated" in times[1].parent.get_text()


def test_the_date_is_set_on_first_publishing_and_kept_afterwards(demo):
    post = add_post("a-draft", live=False)
    assert post.date_published is None
    post.save_revision().publish()
    post.refresh_from_db()
    assert post.date_published == timezone.localdate()
    BlogPage.objects.filter(pk=post.pk).update(date_published=datetime.date(2020, 5, 1))
    post.refresh_from_db()
    post.save_revision().publish()
    post.refresh_from_db()
    assert post.date_published == datetime.date(2020, 5, 1)


def test_introduction_is_the_meta_description_unless_one_is_written(client, demo):
    post = BlogPage.objects.get(slug="your-first-session")
    description = soup(client.get(post.url)).find("meta", attrs={"name": "description"})["content"]
    assert description == post.introduction
    post.search_description = "Written for search results."
    post.save_revision().publish()
    assert soup(client.get(post.url)).find("meta", attrs={"name": "description"})["content"] == "Written for search results."


def test_contents_list_appears_with_three_headings_and_links_to_each(client, demo):
    headings = [("heading", {"text": text, "level": level, "anchor": ""})
                for text, level in [("First", "h2"), ("Detail", "h3"), ("Second", "h2")]]
    post = add_post("three-headings", body=headings)
    toc = main(client.get(post.url)).select_one("nav.toc")
    assert [a["href"] for a in toc.find_all("a")] == ["#first", "#detail", "#second"]
    assert toc.select_one(".toc__sub a").get_text() == "Detail", "a sub-heading nests under its section"
    short = add_post("two-headings", body=headings[:2])
    assert main(client.get(short.url)).select_one("nav.toc") is None


def test_topics_link_to_their_topic_pages(client, demo):
    links = main(client.get(ARTICLE)).select(".post__footer .tags a")
    assert {a.get_text(): a["href"] for a in links} == {
        "Therapeutic relationship": "/blog/tags/therapeutic-relationship/",
        "Starting therapy": "/blog/tags/starting-therapy/",
        "Counselling basics": "/blog/tags/counselling-basics/",
    }


def test_related_posts_share_the_most_topics_first_then_the_newest(client, demo):
    add_post("newest-unrelated", days_ago=0)
    add_post("shares-three", tags=["Therapeutic relationship", "Starting therapy", "Counselling basics"], days_ago=300)
    related = card_titles(client.get(ARTICLE))
    # Shares three; then "your first session" (two); then the newest of those sharing one.
    assert related == ["Shares three", "What happens in a first counselling session",
                       "Why some people find it easier to talk while walking"]


def test_drafts_and_private_posts_are_never_listed_or_related(client, demo):
    add_post("still-a-draft", tags=["Counselling basics"], days_ago=0, live=False)
    private = add_post("members-only", tags=["Counselling basics"], days_ago=0)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for url in ("/blog/", "/blog/tags/counselling-basics/", ARTICLE):
        titles = card_titles(client.get(url))
        assert "Still a draft" not in titles and "Members only" not in titles, url
    assert "members-only" not in client.get("/blog/feed/").content.decode()
    assert client.get(private.url).status_code == 302, "the private post itself asks visitors to sign in"


def test_a_private_blog_keeps_its_list_posts_and_feed_private(client, demo):
    PageViewRestriction.objects.create(page=blog(), restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    for url in ("/blog/", ARTICLE, "/blog/tags/counselling-basics/", "/blog/feed/"):
        response = client.get(url)
        html = response.content.decode()
        assert 'type="password"' in html, f"{url} asks for the password"
        assert not any(post.introduction in html for post in BlogPage.objects.all()), f"{url} shows no article"


def test_author_box_shows_photo_bio_and_a_link_to_more(client, demo):
    box = main(client.get(ARTICLE)).select_one(".author-box")
    assert box.find("img")["alt"] == "", "the name beside it says who is pictured"
    author = Author.objects.get(name="Ben Marlow")
    assert author.bio[:40] in " ".join(box.get_text(" ").split()), "the author's own words"
    assert box.find("a", string="More about Ben Marlow")["href"] == "/about/"


# --- Structured data -----------------------------------------------------------------


def test_post_emits_blog_posting_with_the_practice_as_publisher_and_breadcrumbs(client, demo):
    response = client.get(ARTICLE)
    post = BlogPage.objects.get(slug=DEMO_POSTS[0])
    [posting] = json_ld_of_type(response, "BlogPosting")
    assert posting["headline"] == post.title
    # ISO 8601 with the time zone (issue 14): the article's day, as a moment in Europe/London.
    assert posting["datePublished"].startswith(post.date_published.isoformat() + "T")
    assert posting["datePublished"][-6:] in ("+00:00", "+01:00")
    assert posting["dateModified"].startswith(timezone.localtime(post.last_published_at).date().isoformat()[:4])
    assert posting["author"] == {**posting["author"], "@type": "Person", "name": "Ben Marlow"}
    assert "/media/images/" in posting["image"] and posting["author"]["image"].startswith("http")
    [business] = json_ld_of_type(response, "LocalBusiness")
    assert posting["publisher"] == {"@id": business["@id"]}
    [crumbs] = json_ld_of_type(response, "BreadcrumbList")
    assert [item["name"] for item in crumbs["itemListElement"]][1:] == ["Blog", post.title]


def test_a_page_with_faq_blocks_emits_one_faqpage_matching_what_is_shown(client, demo):
    body = [("faq", {"heading": "First set", "questions": [{"question": "One?", "answer": "<p>Yes &amp; no.</p><p>Mostly yes.</p>"}]}),
            ("text", rich("Between the two.")),
            ("faq", {"heading": "", "questions": [{"question": "Two?", "answer": "<p>No.</p>"}]})]
    response = client.get(add_post("two-faqs", body=body).url)
    [faq] = json_ld_of_type(response, "FAQPage")
    shown = [(q.get_text(strip=True), " ".join(q.find_next_sibling(class_="faq__answer").get_text(" ").split()))
             for q in main(response).select(".faq__question")]
    assert [(q["name"], q["acceptedAnswer"]["text"]) for q in faq["mainEntity"]] == shown
    assert shown[0] == ("One?", "Yes & no. Mostly yes.")


def test_a_question_containing_a_closing_script_tag_cannot_break_out_of_the_json_ld(client, demo):
    question = 'Is this safe?</script><script>alert("x")</script>'
    post = add_post("escaping", body=[("faq", {"heading": "", "questions": [{"question": question, "answer": "<p>Yes.</p>"}]})])
    response = client.get(post.url)
    html = response.content.decode()
    assert '<script>alert("x")</script>' not in html
    head_scripts = soup(response).find_all("script", type="application/ld+json")
    assert len(head_scripts) == 1
    assert json_ld_of_type(response, "FAQPage")[0]["mainEntity"][0]["name"] == question
    assert main(response).select_one(".faq__question").get_text() == question


# --- The demo article ------------------------------------------------------------------


def test_demo_article_is_long_form_with_the_seed_pages_structure(client, demo):
    article = main(client.get(ARTICLE)).find("article")
    words = len(article.select_one(".stream").get_text(" ", strip=True).split())
    assert words >= 1500, words
    assert len(article.select(".stream h2")) >= 8 and len(article.select(".stream h3")) >= 3
    bold_terms = article.select(".stream ul li > b:first-child")
    assert len(bold_terms) >= 12 and all(li.parent.contents[0] == li for li in bold_terms)
    assert article.select_one("aside.callout") and article.select_one("figure.pull-quote blockquote")
    figure = article.select_one(".stream figure.figure")
    assert figure.find("img")["alt"] and figure.find("figcaption").get_text(strip=True)
    hrefs = [a["href"] for a in article.select(".stream a[href]")]
    assert any(h.startswith("https://www.england.nhs.uk/") for h in hrefs), "statistics cite a public source"
    for url in ("/services/in-person-counselling/", "/services/online-counselling/", "/services/walk-and-talk-therapy/",
                "/services/neurodiverse-counselling/", "/about/", "/contact/"):
        assert url in hrefs, url


def test_demo_article_table_is_the_five_row_comparison(client, demo):
    table = main(client.get(ARTICLE)).select_one("table")
    assert table.caption.get_text(strip=True), "a caption says what the table compares"
    columns = [th.get_text(strip=True) for th in table.select('thead th[scope="col"]')]
    assert len(columns) == 3 and all(columns), "a label for the row headings, then two columns"
    rows = table.select("tbody tr")
    assert len(rows) == 5 and all(row.select_one('th[scope="row"]').get_text(strip=True) for row in rows)
    assert all(len(row.find_all("td")) == 2 and all(td.get_text(strip=True) for td in row.find_all("td")) for row in rows)
    note = table.find_parent(class_="comparison").select(".comparison__note p")
    assert len(note) == 1 and len(note[0].get_text().split()) > 20


def test_demo_article_faq_has_three_questions_of_two_paragraphs_and_matching_json_ld(client, demo):
    response = client.get(ARTICLE)
    items = main(response).select(".faq__item")
    questions = [item.select_one("h3").get_text(strip=True) for item in items]
    assert len(questions) == 3 and all(question.endswith("?") for question in questions)
    assert all(len(item.select(".faq__answer p")) == 2 for item in items)
    [faq] = json_ld_of_type(response, "FAQPage")
    assert [q["name"] for q in faq["mainEntity"]] == questions
    for item, entity in zip(items, faq["mainEntity"]):
        assert entity["acceptedAnswer"]["text"] == " ".join(item.select_one(".faq__answer").get_text(" ").split())


def test_demo_posts_share_topics_and_have_the_author_and_images(demo):
    posts = BlogPage.objects.filter(slug__in=DEMO_POSTS).prefetch_related("tags")
    assert posts.count() == len(DEMO_POSTS)
    author = Author.objects.get(name="Ben Marlow")
    assert author.bio and author.photo.title == "Portrait illustration of the counsellor"
    tags = {post.slug: {tag.slug for tag in post.tags.all()} for post in posts}
    assert tags["walking-and-talking"] & tags["your-first-session"]
    for post in posts:
        assert post.author == author and post.featured_image and post.featured_image_alt, post.slug


# --- The blog list, topic pages and the feed -------------------------------------------


def test_blog_list_shows_ten_posts_a_page_newest_first(client, demo):
    for n in range(12):
        add_post(f"extra-{n:02d}", days_ago=n + 1)
    first = client.get("/blog/")
    assert card_titles(first)[:3] == ["Extra 00", "Extra 01", "Extra 02"] and len(card_titles(first)) == 10
    assert main(first).select_one('a[rel="next"]')["href"] == "?page=2"
    second = client.get("/blog/?page=2")
    assert len(card_titles(second)) == 6 and "Page 2 of 2" in main(second).get_text()
    assert soup(second).find("link", rel="canonical")["href"].endswith("/blog/?page=2")


@pytest.mark.parametrize("number", ["0", "-1", "abc", "2.5", "99999999999999999999999", "%00", ""])
def test_a_bad_page_number_never_causes_an_error(client, demo, number):
    response = client.get("/blog/", {"page": number})
    assert response.status_code == 200 and card_titles(response)


def test_topic_page_lists_exactly_the_posts_with_that_topic(client, demo):
    response = client.get("/blog/tags/counselling-basics/")
    assert response.status_code == 200
    assert sorted(card_titles(response)) == sorted(
        p.title for p in BlogPage.objects.filter(tags__slug="counselling-basics")
    )
    assert main(response).find("h1").get_text() == "Articles about “Counselling basics”"
    assert soup(response).find("link", rel="canonical")["href"].endswith("/blog/tags/counselling-basics/")
    current = main(response).select_one('.topics a[aria-current="page"]')
    assert current["href"] == "/blog/tags/counselling-basics/"


def test_the_topic_list_shows_a_new_topic_and_count_as_soon_as_a_post_is_published(client, demo):
    def topic_links():
        return [a.get_text(" ", strip=True) for a in main(client.get("/blog/")).select(".topics a")]

    assert not any(text.startswith("Sleep") for text in topic_links())
    add_post("sleep-and-worry", tags=["Sleep"])
    assert any(text.startswith("Sleep (1") for text in topic_links())
    add_post("sleep-again", tags=["Sleep"])
    assert any(text.startswith("Sleep (2") for text in topic_links())


def test_unknown_or_unused_topics_are_not_found(client, demo):
    from taggit.models import Tag

    Tag.objects.create(name="Unused", slug="unused")
    assert client.get("/blog/tags/no-such-topic/").status_code == 404
    assert client.get("/blog/tags/unused/").status_code == 404


def test_feed_lists_the_latest_posts_newest_first(client, demo):
    add_post("fresh-news", tags=["Counselling basics"], days_ago=0, title="Fresh news")
    response = client.get("/blog/feed/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items[:2]] == ["Fresh news", "Why some people find it easier to talk while walking"]
    assert len(items) == BlogPage.objects.live().count()
    assert items[0].findtext("link").endswith("/blog/fresh-news/")
    assert [c.text for c in items[0].findall("category")] == ["Counselling basics"]
    assert soup(client.get("/blog/")).find("link", type="application/rss+xml")["href"] == "/blog/feed/"


# --- Search ------------------------------------------------------------------------------


def test_search_covers_title_introduction_body_and_topics():
    fields = {(type(f).__name__, f.field_name): f for f in BlogPage.search_fields}
    assert fields[("SearchField", "title")].boost > 1
    assert ("SearchField", "introduction") in fields and ("SearchField", "body") in fields
    assert ("RelatedFields", "tags") in fields


def test_words_only_in_an_faq_answer_or_a_table_cell_find_the_post(demo):
    body = [("faq", {"heading": "", "questions": [{"question": "Parking?", "answer": "<p>Try the marmalade car park.</p>"}]}),
            table("Rooms", ["A", "B"], [row("Floor", "<p>Ground</p>", "<p>Quokka level</p>")])]
    post = add_post("hidden-words", body=body)
    for word in ("marmalade", "quokka"):
        assert post.pk in [p.pk for p in BlogPage.objects.live().search(word)], word


# --- Queries --------------------------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # the first view may create image renditions; count an ordinary one
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def rich_post_body(index):
    """Every kind of block, including images and rich-text links to other pages."""
    about = Page.objects.get(slug="about")
    image = demo_image("Soft hills under a pale sky", "calm")
    return [
        ("heading", {"text": f"Part {index}", "level": "h2", "anchor": ""}),
        ("text", rich(f'See <a linktype="page" id="{about.pk}">about me</a> and <b>more</b>.')),
        ("image", {"image": {"image": image.pk, "alt_text": "Hills", "decorative": False}, "caption": "", "width": "wide"}),
        ("callout", {"style": "quote", "text": "<p>A quote.</p>", "attribution": ""}),
        table(f"Table {index}", ["A", "B"], [row("R", "<p>1</p>", f'<p><a linktype="page" id="{about.pk}">2</a></p>')]),
        ("faq", {"heading": "", "questions": [{"question": f"Question {index}?", "answer": "<p>Answer.</p>"}]}),
        ("call_to_action", {"heading": "Talk", "text": "", "button_label": "Go", "page": None}),
    ]


def test_blog_pages_stay_within_the_query_budget_as_posts_topics_and_blocks_grow(client, demo):
    pictured = {"featured_image": demo_image("Soft hills under a pale sky", "calm"), "featured_image_alt": "Hills."}
    post = add_post("measured", tags=["Counselling basics", "Walk and talk"], body=rich_post_body(0), days_ago=0, **pictured)
    urls = ["/blog/", "/blog/tags/counselling-basics/", "/blog/feed/", post.url, ARTICLE]
    before = [count_queries(client, url) for url in urls]
    assert max(before) <= 12, before

    for n in range(15):
        add_post(f"more-{n}", tags=["Counselling basics", f"Topic {n}"], body=rich_post_body(n + 1), days_ago=0, **pictured)
    post.body = stream(*[block for n in range(6) for block in rich_post_body(n)])
    post.save_revision().publish()
    post.tags.add(*[f"Extra topic {n}" for n in range(5)])
    post.save_revision().publish()

    after = [count_queries(client, url) for url in urls]
    assert after == before, dict(zip(urls, zip(before, after)))


def test_json_ld_is_one_script_and_valid_json(client, demo):
    scripts = soup(client.get(ARTICLE)).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    assert json.loads(scripts[0].string)["@graph"]
    assert {item["@type"] for item in json_ld(client.get(ARTICLE))} >= {"BlogPosting", "BreadcrumbList", "FAQPage", "LocalBusiness"}
