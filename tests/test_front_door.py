"""The finished front door (issue 13, points 4 to 6), as a visitor's browser receives it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import BlogPage
from home.models import HomePage
from tests.contact_helpers import send, valid_answers
from tests.helpers import soup


def test_home_shows_the_newest_posts_with_title_date_summary_and_image(client, demo):
    page = soup(client.get("/"))
    section = page.find("section", class_="latest-posts")
    assert section.find("h2").get_text(strip=True) == "From the blog"
    newest = list(BlogPage.objects.live().order_by("-date_published")[:3])
    cards = section.find_all("article")
    assert [card.find("a").get_text(strip=True) for card in cards] == [post.title for post in newest]
    for card, post in zip(cards, newest):
        assert card.find("time")["datetime"] == post.date_published.isoformat()
        assert post.introduction in card.get_text()
        assert card.find("img")
    assert section.find("a", href="/blog/").get_text(" ", strip=True).startswith("All articles")


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_the_newest_posts_cost_the_same_queries_however_many_are_shown(client, demo):
    home = HomePage.objects.get()
    home.latest_posts_count = 1
    home.save_revision().publish()
    client.get("/")  # renditions made once, as on any site after its first visit
    one = count_queries(client)
    home.latest_posts_count = 4
    home.save_revision().publish()
    client.get("/")
    assert count_queries(client) == one


def test_each_post_ends_with_exactly_one_invitation(client, demo):
    # A long post also carries the invitation beside its text (.post__aside), which site.css
    # shows on wide screens only, in place of the one at the end: the browser tests in
    # tests/browser/test_wide_screens.py check that each screen shows exactly one.
    for post in BlogPage.objects.live():
        page = soup(client.get(post.url))
        invitations = page.select("main .cta:not(.post__aside *), main .closing-cta:not(.post__aside *)")
        assert len(invitations) == 1, f"{post.title} has {len(invitations)} invitations to get in touch"


@pytest.mark.usefixtures("fresh_rate_limits")
def test_the_thank_you_page_title_is_short(client, demo):
    response = send(client, valid_answers())
    assert soup(response).title.get_text(strip=True) == "Enquiry sent – Therapy with Ben"


def test_the_page_not_found_speaks_in_the_therapists_voice_and_offers_the_site_map(client, demo):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    text = soup(response).find("main").get_text(" ", strip=True)
    assert "I can't find that page" in text and " we " not in text.replace("ways we can work", "")
    assert soup(response).find("main").find("a", href="/site-map/")


def test_the_site_map_for_people_lists_every_public_page_and_the_footer_links_to_it(client, demo):
    footer = soup(client.get("/")).find("footer")
    assert footer.find("a", string="Site map")["href"] == "/site-map/"
    page = soup(client.get("/site-map/"))
    assert page.find("h1").get_text() == "Site map"
    links = {a["href"] for a in page.find("nav", attrs={"aria-labelledby": "site-map-heading"}).find_all("a")}
    for path in ("/", "/about/", "/services/walk-and-talk-therapy/", "/blog/what-is-the-therapeutic-relationship/", "/contact/"):
        assert path in links
    assert client.get("/sitemap.xml")["Content-Type"].startswith("application/xml"), "search engines keep theirs"


@pytest.mark.parametrize("path", ["/", "/about/"])
def test_the_practitioner_portrait_is_shown_with_its_description_and_name(client, demo, path):
    portrait = soup(client.get(path)).select_one("main figure.portrait")
    assert portrait.find("img")["alt"].startswith("An illustrated portrait of Ben")
    assert "Ben Marlow" in portrait.find("figcaption").get_text()


def test_the_author_box_shows_the_portrait(client, demo):
    box = soup(client.get("/blog/what-is-the-therapeutic-relationship/")).find("section", class_="author-box")
    assert box.find("img")
