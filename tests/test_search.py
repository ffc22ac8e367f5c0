"""Search: finds the right page first, survives any input, stays cheap as the site grows."""

import json
import os
import re
import subprocess
import sys

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction
from wagtail.search import index

from home.demo import rich, stream
from home.demo.blocks import row, table
from home.models import StandardPage
from home.streams import faq_pairs
from search.results import RESULT_TYPES
from search.templatetags.search_tags import highlight
from search.views import MAX_LENGTH, parse
from tests.helpers import add_child_page, soup

QUERY_BUDGET = 12


# --- helpers -------------------------------------------------------------------


def search(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response


def results(response):
    """(title, link, meta line) of each result, in order, pinned ones included."""
    section = soup(response).find("section", attrs={"aria-labelledby": "results-heading"})
    listing = section.find("ol", class_="search-results") if section else None
    if listing is None:
        return []
    return [
        (item.h3.get_text(" ", strip=True), item.h3.a["href"], item.find(class_="search-result__meta").get_text(" ", strip=True))
        for item in listing.find_all("li", recursive=False)
    ]


def links(response):
    return [link for _title, link, _meta in results(response)]


def add_page(parent, title, *, publish=True, **fields):
    return add_child_page(parent, StandardPage(title=title, **fields), publish=publish)


def findable_demo_pages():
    pages = []
    for kind in RESULT_TYPES:
        pages += list(kind.model.objects.live())
    return pages


def indexed_text(page):
    """Every piece of a page's text that its search_fields send to the index."""
    parts = []
    for field in page.get_search_fields():
        if isinstance(field, index.RelatedFields):
            value = field.get_value(page)
            items = value.all() if hasattr(value, "all") else [value] if value else []
            parts += [str(getattr(item, sub.field_name, "")) for item in items for sub in field.fields]
        elif isinstance(field, index.SearchField):
            parts.append(str(field.get_value(page) or ""))
    return " ".join(parts)


def word_only_in_one_faq_answer():
    """A demo page and a word found in its FAQ answers and in no other text of any findable page.

    Uniqueness is checked on the word's first five letters, so neither
    PostgreSQL's stemming nor SQLite's prefix matching can find it elsewhere.
    """
    pages = findable_demo_pages()
    texts = [indexed_text(page) for page in pages]
    for page in pages:
        answers = " ".join(strip_tags(answer) for _question, answer in faq_pairs(getattr(page, "body", None)))
        for word in sorted(set(re.findall(r"[a-z]{8,}", answers.lower()))):
            stem = re.compile(rf"\b{word[:5]}", re.IGNORECASE)
            if sum(len(stem.findall(text)) for text in texts) == len(stem.findall(answers)):
                return page, word
    raise AssertionError("the demo content has no word that appears only in one FAQ answer")


# --- relevance on the demo content ---------------------------------------------------


def test_walk_finds_the_walk_and_talk_service_first(client, demo):
    title, link, meta = results(search(client, q="walk"))[0]
    assert (title, link, meta) == ("Walk and talk therapy", "/services/walk-and-talk-therapy/", "Service")


def test_friendship_finds_the_therapeutic_relationship_article_first(client, demo):
    title, link, meta = results(search(client, q="friendship"))[0]
    assert link == "/blog/what-is-the-therapeutic-relationship/"
    assert meta.startswith("Article")


def test_a_service_title_outranks_an_article_that_only_mentions_the_word(client, demo):
    assert links(search(client, q="online"))[0] == "/services/online-counselling/"


def test_a_word_only_in_a_demo_faq_answer_finds_its_page(client, demo):
    page, word = word_only_in_one_faq_answer()
    assert links(search(client, q=word)) == [page.url]


def test_words_only_in_a_table_cell_or_an_faq_answer_are_found(client, demo):
    page = add_page(
        demo, "Opening times",
        body=stream(
            table("When we can meet", ["Weekdays", "Weekends"],
                  [row("Mornings", "<p>From eight, by the bandstand</p>", "<p>Closed</p>")]),
            ("faq", {"heading": "", "questions": [
                {"question": "Can I bring my dog?", "answer": rich("Yes, a calm dog is welcome on a lurcher-friendly route.")},
            ]}),
        ),
    )
    assert links(search(client, q="bandstand")) == [page.url]
    assert links(search(client, q="lurcher")) == [page.url]


def test_results_show_type_title_summary_and_link(client, demo):
    item = soup(search(client, q="walk")).select_one("ol.search-results > li")
    assert item.h3.a["href"] == "/services/walk-and-talk-therapy/"
    assert item.find(class_="search-result__meta").get_text(strip=True) == "Service"
    service = RESULT_TYPES[0].model.objects.get(slug="walk-and-talk-therapy")
    assert item.find(class_="search-result__summary").get_text() == service.get_meta_description()
    assert item.h3.find("mark").get_text() == "Walk", "the searched word is marked in the title"


def test_articles_show_their_date(client, demo):
    _title, _link, meta = results(search(client, q="friendship"))[0]
    assert re.fullmatch(r"Article · \d{1,2} \w+ \d{4}", meta)


# --- what is never found --------------------------------------------------------------


def test_a_draft_page_is_never_found(client, demo):
    add_page(demo, "Unpublished thoughts", publish=False, introduction="A note about quinceharbour.")
    assert links(search(client, q="quinceharbour")) == []


def test_unpublished_changes_stay_hidden_until_published(client, demo):
    page = add_page(demo, "Fees", introduction="What a session costs.")
    page.introduction = "What a session costs, and the new marmotvale discount."
    page.save_revision()
    assert links(search(client, q="marmotvale")) == [], "a draft revision's words are not searchable"
    page.get_latest_revision().publish()
    assert links(search(client, q="marmotvale")) == [page.url], "publishing updates the index at once"


def test_a_private_page_is_not_found(client, demo):
    page = add_page(demo, "Clients only", introduction="Notes on the heronmoor exercise.")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-word")
    assert links(search(client, q="heronmoor")) == []


# --- the page itself ------------------------------------------------------------------


def test_search_page_is_noindex(client, demo):
    for params in ({}, {"q": "walk"}, {"q": "zzqxjv"}):
        response = search(client, **params)
        assert soup(response).find("meta", attrs={"name": "robots"})["content"] == "noindex"
        assert response["X-Robots-Tag"] == "noindex"
        assert "private" in response["Cache-Control"], "no shared cache keeps one visitor's search"


def test_the_query_stays_in_both_search_boxes(client, demo):
    page = soup(search(client, q="  walk   and talk "))
    assert page.find("input", id="site-search-q")["value"] == "walk and talk"
    assert page.find("input", id="search-q")["value"] == "walk and talk"


def test_an_empty_query_shows_a_helpful_page(client, demo):
    Query.objects.create(query_string="anxiety")
    SearchPromotion.objects.create(query=Query.objects.get(query_string="anxiety"), page=demo.get_children().get(slug="about"))
    page = soup(search(client, q=""))
    text = page.find("main").get_text(" ", strip=True)
    assert "A word or two is enough" in text
    assert page.find("a", string="anxiety")["href"] == "/search/?q=anxiety", "pinned searches are offered as examples"
    assert "Walk and talk therapy" in text, "the services are listed to browse"
    assert page.find("section", attrs={"aria-labelledby": "results-heading"}) is None


def test_no_results_suggests_the_services_and_the_contact_page(client, demo):
    page = soup(search(client, q="xylophonequartz"))
    text = page.find("main").get_text(" ", strip=True)
    assert "No results for “xylophonequartz”" in text
    assert "Check the spelling" in text
    browse = page.find("section", attrs={"aria-labelledby": "browse-heading"})
    assert {a["href"] for a in browse.select("h3 a")} >= {"/services/walk-and-talk-therapy/", "/services/online-counselling/"}
    assert browse.find("a", string="Get in touch")["href"] == "/contact/"


def test_when_no_page_has_every_word_pages_with_some_are_shown(client, demo):
    response = search(client, q="walk xylophonequartz")
    assert links(response)[0] == "/services/walk-and-talk-therapy/"
    assert "No page has all of those words" in soup(response).get_text()


# --- type filter and pages of results --------------------------------------------------


@pytest.mark.parametrize(("kind", "label"), [("service", "Service"), ("post", "Article"), ("page", "Page")])
def test_the_type_filter_shows_one_kind_of_page(client, demo, kind, label):
    found = results(search(client, q="counselling", type=kind))
    assert found
    assert all(meta.split(" · ")[0] == label for _title, _link, meta in found)
    page = soup(search(client, q="counselling", type=kind))
    assert page.find("select", id="search-type").find("option", selected=True)["value"] == kind
    assert page.select_one('.search-filters a[aria-current="page"]')["href"].endswith(f"type={kind}")


def test_an_unknown_type_searches_everything(client, demo):
    assert links(search(client, q="counselling", type="nonsense")) == links(search(client, q="counselling"))


def test_the_filter_counts_each_type(client, demo):
    page = soup(search(client, q="counselling"))
    counts = {a.get_text(" ", strip=True).rsplit(" ", 1)[0]: int(a.find("span").get_text(strip=True).strip("()"))
              for a in page.select(".search-filters a")}
    assert counts["Everything"] == counts["Services"] + counts["Articles"] + counts["Pages"]
    assert counts["Services"] == 4


def test_no_results_of_one_type_offers_every_type(client, demo):
    page = soup(search(client, q="friendship", type="service"))
    assert page.find("a", string=re.compile("See 1 result of every type"))["href"] == "/search/?q=friendship"


def test_results_come_ten_to_a_page(client, demo):
    made = [add_page(demo, f"Quillsmoor notes {n}", introduction="About quillsmoor.") for n in range(12)]
    first = search(client, q="quillsmoor", type="page")
    assert len(links(first)) == 10
    pager = soup(first).find("nav", attrs={"aria-label": "Pages of results"})
    assert "Page 1 of 2" in pager.get_text()
    assert pager.find("a", rel="next")["href"] == "/search/?q=quillsmoor&type=page&page=2"
    second = search(client, q="quillsmoor", type="page", page=2)
    assert len(links(second)) == 2
    assert soup(second).find("a", rel="prev")["href"] == "/search/?q=quillsmoor&type=page"
    assert set(links(first) + links(second)) == {page.url for page in made}, "every page once, none twice"


@pytest.mark.parametrize("number", ["abc", "0", "-1", "1.5", "", "99999", "9" * 40, "9" * 5000, "２", "1e3"])
def test_a_bad_page_number_still_shows_results(client, demo, number):
    assert links(search(client, q="counselling", page=number))


# --- bad input ------------------------------------------------------------------------

BAD_QUERIES = [
    "",
    "   ",
    "a" * 5000,
    "anxiety " * 700,
    "café naïve Zoë",
    "тревога",
    "焦虑 焦虑",
    "🙂🙂🙂",
    "walk 🙂 talk",
    '"',
    '"walk',
    'walk"',
    '"""walk"""',
    "'",
    "don't",
    "' OR 1=1 --",
    "'; DROP TABLE wagtailcore_page; --",
    "SELECT * FROM auth_user WHERE 1=1",
    "AND OR NOT",
    "NEAR(walk talk)",
    "walk*",
    "^walk",
    "{title}: walk",
    "title:walk",
    "\x00walk\x00",
    "walk\u200b\u200dtalk",
    "%00 %s %d",
    "___",
    "<script>alert(1)</script>",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z " * 4,
]


@pytest.mark.parametrize("raw", BAD_QUERIES)
def test_bad_input_gives_a_normal_page(client, demo, raw):
    response = search(client, q=raw)
    page = soup(response)
    assert page.find("input", id="search-q")["value"] == parse(raw).text
    assert "<script>alert" not in response.content.decode()


def test_a_long_query_is_capped_and_the_visitor_told(client, demo):
    response = search(client, q="walk " + "x" * 5000)
    page = soup(response)
    assert len(page.find("input", id="search-q")["value"]) <= MAX_LENGTH
    assert page.find("input", id="search-q")["maxlength"] == str(MAX_LENGTH)
    assert f"Searches can be up to {MAX_LENGTH} characters long" in page.get_text()
    assert links(response)[0] == "/services/walk-and-talk-therapy/"


def test_a_query_with_no_letters_explains_itself(client, demo):
    text = soup(search(client, q="🙂 !!")).get_text(" ", strip=True)
    assert "has no letters or numbers to search for" in text


def test_other_methods_are_refused(client, demo):
    assert client.post("/search/", {"q": "walk"}).status_code == 405


def test_a_failing_search_service_gives_a_calm_page_not_an_error(client, demo, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("search server unreachable")

    monkeypatch.setattr("search.views.run_search", broken)
    response = client.get("/search/", {"q": "walk"})
    assert response.status_code == 503
    text = soup(response).get_text(" ", strip=True)
    assert "Search is not working just now" in text
    assert "Walk and talk therapy" in text, "the services are still offered"


def test_highlight_escapes_everything_and_marks_only_words():
    assert highlight("Fish & chips <b>now</b>", ("chips",)) == "Fish &amp; <mark>chips</mark> &lt;b&gt;now&lt;/b&gt;"
    assert highlight("amp &amp; amplify", ("amp",)) == "<mark>amp</mark> &amp;<mark>amp</mark>; <mark>amplify</mark>"
    assert highlight("Walking", ("walk",)) == "<mark>Walking</mark>"


def test_parse_keeps_only_words():
    text = parse('  "walk"   & talk\x00 🙂 walk ')
    assert text.text == '"walk" & talk 🙂 walk'
    assert text.words == ("walk", "talk")


# --- promotions -----------------------------------------------------------------------


def _promote(query_string, **fields):
    query, _ = Query.objects.get_or_create(query_string=query_string)
    return SearchPromotion.objects.create(query=query, sort_order=SearchPromotion.objects.count(), **fields)


def test_pinned_results_come_first_once_and_say_so(client, demo):
    about = demo.get_children().get(slug="about")
    _promote("walk", page=about, description="Who I am and why I walk.")
    found = results(search(client, q="Walk"))
    assert found[0] == ("About me", "/about/", "Recommended · Page")
    assert found[1][1] == "/services/walk-and-talk-therapy/"
    assert [link for _t, link, _m in found].count("/about/") == 1
    item = soup(search(client, q="walk")).select_one("ol.search-results > li")
    assert "Who I am and why I walk." in item.get_text()


def test_pins_match_what_was_typed_and_link_elsewhere(client, demo):
    _promote("walk & talk", external_link_url="https://example.org/parks", external_link_text="Cheltenham parks")
    found = results(search(client, q="Walk & Talk"))
    assert found[0] == ("Cheltenham parks", "https://example.org/parks", "Recommended · Link")


def test_a_pinned_draft_or_wrong_type_is_not_shown(client, demo):
    draft = add_page(demo, "Draft pin", publish=False)
    _promote("walk", page=draft)
    _promote("walk", page=demo.get_children().get(slug="about"))
    assert "Draft pin" not in [title for title, _l, _m in results(search(client, q="walk"))]
    found = results(search(client, q="walk", type="service"))
    assert all(meta == "Service" for _t, _l, meta in found), "a pinned page of another type stays out of a filtered search"


def test_pinned_results_show_on_the_first_page_only(client, demo):
    for n in range(12):
        add_page(demo, f"Larchwick notes {n}", introduction="About larchwick.")
    _promote("larchwick", page=demo.get_children().get(slug="about"))
    assert links(search(client, q="larchwick"))[0] == "/about/"
    assert "/about/" not in links(search(client, q="larchwick", page=2))


# --- cost ----------------------------------------------------------------------------


def _count_queries(client, **params):
    client.get("/search/", params)  # warm the caches every real visitor shares (content types, site paths)
    with CaptureQueriesContext(connection) as queries:
        search(client, **params)
    return len(queries.captured_queries)


@pytest.mark.parametrize(
    "params",
    [{"q": "counselling"}, {"q": "counselling", "type": "post"}, {"q": "walk xylophonequartz"}, {"q": "xylophonequartz"}, {}],
)
def test_a_search_page_stays_within_the_query_budget(client, demo, params):
    _promote("counselling", page=demo.get_children().get(slug="about"))
    assert _count_queries(client, **params) <= QUERY_BUDGET


def test_the_number_of_queries_does_not_grow_with_the_results(client, demo):
    index = demo.get_children().get(slug="blog").specific
    before = _count_queries(client, q="counselling")
    for n in range(15):
        add_page(demo, f"Counselling note {n}", introduction="More about counselling.")
        post = index.add_child(instance=RESULT_TYPES[1].model(
            title=f"Counselling article {n}", introduction="An article about counselling.",
            body=stream(("text", rich("Counselling, week by week."))),
        ))
        post.save_revision().publish()
    assert len(links(search(client, q="counselling"))) == 10
    assert _count_queries(client, q="counselling") == before
    assert _count_queries(client, q="counselling", page=3) == before


# --- backends -------------------------------------------------------------------------


def _settings_with(**environ):
    script = "import json; from config.settings import base; print(json.dumps(base.WAGTAILSEARCH_BACKENDS))"
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "SEARCH_BACKEND", "SEARCH_URL"}}
    return subprocess.run([sys.executable, "-c", script], env={**env, **environ}, capture_output=True, text=True)


def test_the_database_backend_is_the_default_and_fits_the_database(settings):
    from wagtail.search.backends import get_search_backend

    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends"
    expected = {"sqlite": "FTS5SearchBackend", "postgresql": "IndexFirstPostgresBackend"}[connection.vendor]
    assert type(get_search_backend()).__name__ == expected


@pytest.mark.parametrize("name", ["opensearch2", "opensearch3", "elasticsearch7", "elasticsearch8", "elasticsearch9"])
def test_a_search_server_is_switched_on_by_environment_variables(name):
    done = _settings_with(SEARCH_BACKEND=name, SEARCH_URL="https://u:p@search-1:9200,https://u:p@search-2:9200",
                          SEARCH_INDEX_PREFIX="ben_")
    assert done.returncode == 0, done.stderr
    backend = json.loads(done.stdout)["default"]
    assert backend["BACKEND"] == f"wagtail.search.backends.{name}"
    assert backend["URLS"] == ["https://u:p@search-1:9200", "https://u:p@search-2:9200"]
    assert backend["INDEX_PREFIX"] == "ben_"


@pytest.mark.parametrize("environ", [{"SEARCH_BACKEND": "opensearch3"}, {"SEARCH_BACKEND": "solr"}])
def test_a_half_configured_search_server_fails_at_start(environ):
    done = _settings_with(**environ)
    assert done.returncode != 0
    assert "SEARCH_" in done.stderr


def test_postgresql_gets_postgres_full_text_search():
    done = _settings_with(DATABASE_URL="postgresql://user@db.invalid:5432/site")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["default"] == {"BACKEND": "search.backends", "SEARCH_CONFIG": "english"}
    script = "from config.settings import base; print('django.contrib.postgres' in base.INSTALLED_APPS)"
    env = {**os.environ, "DATABASE_URL": "postgresql://user@db.invalid:5432/site"}
    assert subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True).stdout.strip() == "True"


@pytest.mark.parametrize("url", ["/admin/pages/search/?q=walk", "/admin/images/?q=park", "/admin/pages/search/?q=%22walk+and%22+-talk"])
def test_the_admins_own_searches_still_work(editor_client, demo, url):
    response = editor_client.get(url)
    assert response.status_code == 200
    if "pages" in url and "%22" not in url:
        assert "Walk and talk therapy" in response.content.decode()
