"""Services: the therapist edits each way of meeting; visitors compare them and ask about one."""

import json
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.demo import demo_image, rich, stream
from home.models import PracticeSettings
from services.models import ServiceIndexPage, ServicePage
from tests.helpers import add_child_page, grid_form, json_ld_of_type, soup

DEMO_SLUGS = ["in-person-counselling", "online-counselling", "walk-and-talk-therapy", "neurodiverse-counselling"]
STREET, POSTCODE = "Suffolk Parade", "GL50 2AE"


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    # These tests look at what the page code renders, not at a cached copy of it.
    settings.PAGE_CACHE_SECONDS = 0


def listblock(items):
    """Form data of a ListBlock, the shape nested_form_data expects."""
    data = {str(i): {"value": value, "deleted": "", "order": str(i)} for i, value in enumerate(items)}
    data["count"] = str(len(items))
    return data


def card_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".service-cards .card__title a")]


def main_of(response):
    return soup(response).find("main")


def add_service(index, slug, *, live=True, image=None, **fields):
    values = {
        "title": slug.replace("-", " ").capitalize(), "summary": f"A short summary of {slug}.",
        "location_kind": "online", "video_platform": "Zoom", "card_image": image,
        "body": stream(("faq", {"heading": "", "questions": [
            {"question": "Is it private?", "answer": "<p>Yes.</p>"}, {"question": "How long?", "answer": "<p>An hour.</p>"},
        ]})),
    }
    values.update(fields)
    return add_child_page(index, ServicePage(slug=slug, **values), publish=live)


@pytest.mark.django_db
class TestEditorBuildsAService(WagtailPageTestCase):
    def setUp(self):
        super().setUp()
        # force_login skips the password check, so login throttling backends stay out of the way.
        self.client.force_login(self.create_superuser("service-editor"))

    def test_editor_can_create_a_service_page_with_every_field(self):
        index = ServiceIndexPage.objects.get()
        image = get_image_model().objects.first()
        self.assertCanCreate(index, ServicePage, nested_form_data({
            "title": "Sessions by the river",
            "slug": "sessions-by-the-river",
            "summary": "Counselling on a slow walk along the River Chelt.",
            "card_image": image.pk,
            "who_it_is_for": rich_text("<p>People who find it easier to talk on the move.</p>"),
            "what_to_expect": rich_text("<p>We meet at the footbridge and walk upstream.</p>"),
            "fee_note": "Reduced fees on request.",
            "location_kind": "outdoors",
            "video_platform": "",
            "meeting_point": "Cox's Meadow, by the footbridge",
            "meeting_point_map": "https://www.openstreetmap.org/?mlat=51.89&mlon=-2.07",
            "getting_there": "Ten minutes from the town centre on foot.",
            "access": "Level gravel paths with benches.",
            "body": streamfield([
                ("heading", {"text": "Along the river", "level": "h2", "anchor": ""}),
                ("text", rich_text("<p>The path follows the water.</p>")),
                ("image", {"image": {"image": image.pk, "alt_text": "A riverside path.", "decorative": ""},
                           "caption": "The path in spring.", "width": "wide"}),
                ("callout", {"style": "callout", "text": rich_text("<p>You set the pace.</p>"), "attribution": ""}),
                ("table", {
                    "table": grid_form("River or park", ["Aspect", "River", "Park"], [["<p>Busy</p>", "<p>Rarely</p>", "<p>At weekends</p>"]]),
                    "note": rich_text(""),
                }),
                ("faq", {"heading": "Questions", "questions": listblock([
                    {"question": "What if it floods?", "answer": rich_text("<p>We walk in the park instead.</p>")},
                ])}),
                ("call_to_action", {"heading": "Try a first walk", "text": rich_text(""), "button_label": "Ask me", "page": ""}),
            ]),
        }))
        page = ServicePage.objects.get(slug="sessions-by-the-river")
        assert self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
        assert page.location_kind == "outdoors"
        assert page.card_image == image and "footbridge" in page.what_to_expect
        assert [b.block_type for b in page.body] == ["heading", "text", "image", "callout", "table", "faq", "call_to_action"]
        # Its fee is a line in Settings › Fees and practicalities (tests/test_practice_fees.py).
        from practice.models import FeesSettings, ServiceFee

        fees = FeesSettings.for_site(Site.objects.get(is_default_site=True))
        ServiceFee.objects.create(settings=fees, service=page, way_of_meeting="walk_and_talk", session_minutes=60, fee="62.50")
        shown = main_of(Client().get(page.url)).get_text(" ", strip=True)
        for text in ("Cox's Meadow, by the footbridge", "Walk and talk: £62.50 for 60 minutes", "The path follows the water"):
            assert text in shown

    def test_an_outdoor_service_with_a_postcode_is_refused_with_a_clear_message(self):
        index = ServiceIndexPage.objects.get()
        url = reverse("wagtailadmin_pages:add", args=["services", "servicepage", index.pk])
        response = self.client.post(url, nested_form_data({
            "title": "Garden sessions", "slug": "garden-sessions", "summary": "Sessions in my garden.",
            "location_kind": "outdoors", "meeting_point": "12 Lansdown Road, GL50 2JA",
            "body": streamfield([]),
        }))
        assert response.status_code == 200
        assert "rather than a street address" in response.content.decode()
        assert 'value="12 Lansdown Road, GL50 2JA"' in response.content.decode(), "what the editor typed is kept"
        assert not ServicePage.objects.filter(slug="garden-sessions").exists()


def test_services_list_shows_every_live_service_as_a_card_in_tree_order(client, demo):
    response = client.get("/services/")
    assert card_titles(response) == ["In-person counselling", "Online counselling", "Walk and talk therapy", "Neurodiverse counselling"]
    for card in soup(response).select(".service-cards .card"):
        assert card.find("img"), "every card has its picture"
        assert card.find("p").get_text(strip=True), "every card has its summary"


def test_services_list_compares_the_four_formats_in_an_editable_table(client, demo):
    table = main_of(client.get("/services/")).find("table")
    assert table.caption.get_text(strip=True)
    columns = [th.get_text(strip=True) for th in table.thead.find_all("th")][1:]
    assert columns == ["In person", "Online", "Walk and talk", "Neurodiverse-adapted"]
    assert all(row.find("th", scope="row") for row in table.tbody.find_all("tr"))
    index = ServiceIndexPage.objects.get()
    assert [block.block_type for block in index.body].count("table") == 1, "the table is a block the therapist edits"


def test_draft_service_is_not_listed(client, demo):
    add_service(ServiceIndexPage.objects.get(), "couples-counselling", live=False, title="Couples counselling")
    assert "Couples counselling" not in card_titles(client.get("/services/"))
    assert client.get("/services/couples-counselling/").status_code == 404


def test_reordering_in_the_admin_reorders_the_cards(editor_client, demo):
    neurodiverse = ServicePage.objects.get(slug="neurodiverse-counselling")
    url = reverse("wagtailadmin_pages:set_page_position", args=[neurodiverse.pk]) + "?position=0"
    assert editor_client.post(url).status_code == 200
    assert card_titles(Client().get("/services/"))[0] == "Neurodiverse counselling"


def test_moving_a_page_in_the_tree_reorders_the_cards(client, demo):
    first = ServicePage.objects.get(slug="in-person-counselling")
    ServicePage.objects.get(slug="walk-and-talk-therapy").move(first, pos="left")
    assert card_titles(client.get("/services/"))[:2] == ["Walk and talk therapy", "In-person counselling"]


@pytest.mark.parametrize("slug", DEMO_SLUGS)
def test_service_page_ends_with_a_call_to_action_that_names_the_service(client, demo, slug):
    main = main_of(client.get(f"/services/{slug}/"))
    last_section = main.find_all(recursive=False)[-1].find(class_="closing-cta")
    assert last_section is not None, "the page ends with the closing call to action"
    # Booking a call comes first; writing to the practice is offered beside it, both with the service chosen.
    closing = [a["href"] for a in last_section.find_all("a", class_="button")]
    assert closing[:2] == [f"/book-a-call/?service={slug}", f"/contact/?service={slug}"]
    assert main.select_one(".service-facts a.button")["href"] in (f"/book-a-call/?service={slug}", f"/contact/?service={slug}")


def test_call_to_action_blocks_carry_the_service_only_to_the_contact_page(client, demo):
    page = ServicePage.objects.get(slug="online-counselling")
    about = Page.objects.get(slug="about")
    page.body = stream(
        ("call_to_action", {"heading": "Ask me", "text": "", "button_label": "Contact", "page": None}),
        ("call_to_action", {"heading": "Read more", "text": "", "button_label": "About me", "page": about.pk}),
    )
    page.save_revision().publish()
    hrefs = [a["href"] for a in main_of(client.get(page.url)).select(".cta a.button")]
    assert hrefs == ["/book-a-call/?service=online-counselling", "/contact/?service=online-counselling", "/about/"]


@pytest.mark.parametrize("slug", DEMO_SLUGS)
def test_service_json_ld_names_the_practice_as_a_local_business(client, demo, slug):
    response = client.get(f"/services/{slug}/")
    scripts = soup(response).find_all("script", type="application/ld+json")
    assert len(scripts) == 1, "one JSON-LD graph per page"
    [service] = json_ld_of_type(response, "Service")
    assert service["name"] == ServicePage.objects.get(slug=slug).title
    assert service["provider"]["@type"] == "LocalBusiness"
    assert service["provider"]["name"] == "Therapy with Ben"
    assert service["offers"] and all(offer["priceCurrency"] == "GBP" and float(offer["price"]) > 0 for offer in service["offers"])
    assert json_ld_of_type(response, "BreadcrumbList") and json_ld_of_type(response, "FAQPage")
    text = scripts[0].string
    assert "ProfessionalService" not in text and "Medical" not in text
    json.loads(text)


def test_service_json_ld_follows_the_practice_details(client, demo):
    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    practice.practice_name = "Chelt Valley Counselling"
    practice.save()
    [service] = json_ld_of_type(client.get("/services/online-counselling/"), "Service")
    assert service["provider"]["name"] == "Chelt Valley Counselling"


def test_outdoor_page_shows_no_street_address_and_loads_no_map(client, demo):
    response = client.get("/services/walk-and-talk-therapy/")
    html = response.content.decode()
    assert STREET not in html and POSTCODE not in html, "not in the page, the footer or the JSON-LD"
    main = main_of(response)
    assert "Pittville Park" in main.select_one(".service-facts").get_text()
    link = main.find("a", string="Open the meeting point on OpenStreetMap")
    assert urlsplit(link["href"]).hostname == "www.openstreetmap.org" and "noreferrer" in link["rel"]
    page = soup(response)
    assert not page.find("iframe")
    loaded = [(e, "src") for e in page.select("img, script[src]")] + [(e, "srcset") for e in page.select("source")]
    loaded += [(e, "href") for e in page.select("link[rel=stylesheet], link[rel=preload], link[rel=icon]")]
    for element, attr in loaded:
        assert not element[attr].startswith(("http:", "https:", "//")), f"{element.name} loads from another host"


def test_in_person_page_shows_the_practice_address(client, demo):
    facts = main_of(client.get("/services/in-person-counselling/")).select_one(".service-facts")
    assert STREET in facts.get_text() and POSTCODE in facts.get_text()


def test_switching_a_service_to_outdoors_hides_the_address(client, demo):
    page = ServicePage.objects.get(slug="in-person-counselling")
    page.location_kind, page.meeting_point = "outdoors", "Sandford Park, by the lido gates"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert STREET not in html and "Sandford Park, by the lido gates" in html


@pytest.mark.parametrize("changes, field", [
    ({"location_kind": "outdoors", "meeting_point": ""}, "meeting_point"),
    ({"location_kind": "outdoors", "meeting_point": "47 Suffolk Parade, GL50 2AE"}, "meeting_point"),
    ({"location_kind": "online", "video_platform": " "}, "video_platform"),
    ({"body": stream(("heading", {"text": "Who it is for", "level": "h2", "anchor": ""}))}, "body"),
])
def test_inconsistent_service_details_are_refused_with_a_message(demo, changes, field):
    page = ServicePage.objects.get(slug="in-person-counselling")
    for name, value in changes.items():
        setattr(page, name, value)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict[field][0]


@pytest.mark.parametrize("field", ["summary", "who_it_is_for", "what_to_expect", "body"])
def test_site_search_finds_a_word_in_any_part_of_a_service(demo, field):
    page = ServicePage.objects.get(slug="online-counselling")
    value = "Kingfishers" if field == "summary" else rich("Kingfishers nest here.")
    if field == "body":
        value = stream(("text", value))
    setattr(page, field, value)
    page.save_revision().publish()
    assert page.pk in [result.pk for result in ServicePage.objects.live().search("kingfishers")]


def test_title_counts_most_in_search():
    boosts = {f.field_name: f.boost for f in ServicePage.search_fields if type(f).__name__ == "SearchField"}
    assert boosts["title"] and boosts["title"] > 1
    assert {"summary", "who_it_is_for", "what_to_expect", "body"} <= set(boosts)


def count_queries(client, url):
    client.get(url)  # the first view may create image renditions; count a normal one
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_services_pages_stay_within_the_query_budget_as_services_grow(client, demo):
    urls = ["/services/", "/services/walk-and-talk-therapy/"]
    before = [count_queries(client, url) for url in urls]
    assert max(before) <= 12, before
    index = ServiceIndexPage.objects.get()
    for n in range(3):
        add_service(index, f"extra-service-{n}", image=demo_image(f"Extra picture {n}", "calm"))
    after = [count_queries(client, url) for url in urls]
    assert len(card_titles(client.get("/services/"))) == 7
    assert after == before, "queries do not grow with the number of services"


def fee_lines(response):
    facts = main_of(response).find(id="practical-details").find_parent("section")
    return [item.get_text(" ", strip=True) for item in facts.select("dd ul li")]


@pytest.mark.parametrize("slug", DEMO_SLUGS)
def test_demo_service_pages_are_substantial_and_complete(client, demo, slug):
    page = ServicePage.objects.get(slug=slug)
    assert page.card_image and page.summary
    fees = [line.split(":", 1)[1] for line in fee_lines(client.get(page.url))]
    assert fees and all("£" in fee and "minutes" in fee for fee in fees), fees
    assert len(page.get_faq_pairs()) >= 2
    words = main_of(client.get(page.url)).get_text(" ", strip=True).split()
    assert len(words) >= 600, len(words)


def test_neurodiverse_page_covers_communication_senses_pacing_and_validation(client, demo):
    headings = " ".join(h.get_text() for h in main_of(client.get("/services/neurodiverse-counselling/")).find_all("h2")).lower()
    for topic in ("communication", "sensory", "pacing", "validation"):
        assert topic in headings


def test_walk_and_talk_page_covers_weather_confidentiality_and_where_to_meet(client, demo):
    main = main_of(client.get("/services/walk-and-talk-therapy/"))
    headings = " ".join(h.get_text() for h in main.find_all("h2")).lower()
    for topic in ("bad weather", "confidentiality", "where we meet"):
        assert topic in headings
    assert "Pittville Park" in main.get_text() and "Cox's Meadow" in main.get_text()
